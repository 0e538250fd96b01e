package org.noticeboard.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directory outside the database that holds the exported checkpoints, one folder per organisation
 * ({@code org-<id>}), one file per checkpoint. Whoever can change the database cannot change these;
 * with several portal instances it must be a directory they share (or one instance's, that instance
 * then running the checks), else an instance verifies against what it exported itself.
 */
public final class AuditCheckpointFiles {

    /** Verification reads the newest this many checkpoint files of an organisation. */
    static final int READ_AT_MOST = 100;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;

    public AuditCheckpointFiles(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    Path folder(long organisationId) {
        return directory.resolve("org-" + organisationId);
    }

    /** Writes the checkpoint (to a temporary name, then moved, so a reader never sees half a file). */
    Path write(AuditCheckpoint checkpoint, String organisationName) {
        Path folder = folder(checkpoint.organisationId());
        Path file = folder.resolve(STAMP.format(checkpoint.createdAt()) + "-seq-" + checkpoint.seq() + ".checkpoint");
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, ".writing-", ".tmp");
            Files.writeString(partial, checkpoint.text(organisationName), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit checkpoint to " + file, e);
        }
    }

    /** A file found in the organisation's folder: its checkpoint, or empty when it is not one. */
    record Found(Path file, Optional<AuditCheckpoint> checkpoint) {}

    /** The organisation's newest {@link #READ_AT_MOST} checkpoint files, newest first. */
    List<Found> read(long organisationId) {
        Path folder = folder(organisationId);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".checkpoint"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .limit(READ_AT_MOST)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the audit checkpoints in " + folder, e);
        }
        var found = new ArrayList<Found>();
        for (Path file : files) {
            Optional<AuditCheckpoint> checkpoint;
            try {
                checkpoint = AuditCheckpoint.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                checkpoint = Optional.empty();
            }
            found.add(new Found(file, checkpoint));
        }
        return found;
    }
}
