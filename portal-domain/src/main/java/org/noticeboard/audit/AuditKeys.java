package org.noticeboard.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the audit chain's HMAC, kept outside the database: without them, whoever can write to
 * the database cannot make a changed event verify. Written like the X token keys
 * ({@code NOTICEBOARD_X_TOKEN_KEYS}): comma-separated {@code id:base64key}, the current key first; the
 * first signs new events and checkpoints, all of them verify, so a key is rotated by putting a new one
 * in front and keeping the old ones. Each event stores the id of its key. Messages name key ids, never
 * keys; {@link #toString()} too.
 */
public final class AuditKeys {

    /** The variable (or property {@code noticeboard.audit.keys}) an operator sets. */
    public static final String SETTING = "NOTICEBOARD_AUDIT_KEYS";
    /** The file in the data directory that holds generated keys when none are configured. */
    public static final String FILE = "audit-key";

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;

    public AuditKeys(Map<String, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No audit key is configured");
        }
        var specs = new LinkedHashMap<String, SecretKeySpec>();
        keys.forEach((id, key) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("An audit key id must be 1 to 32 letters, digits, - or _: \"" + id + "\"");
            }
            if (key.length < 32) {
                throw new IllegalArgumentException("Audit key \"" + id + "\" must be at least 32 bytes (base64 of 32 random "
                        + "bytes), not " + key.length);
            }
            specs.put(id, new SecretKeySpec(key, "HmacSHA256"));
        });
        this.keys = Map.copyOf(specs);
        this.currentKeyId = specs.keySet().iterator().next();
    }

    /** Parses {@code id:base64key,id:base64key}, the current key first. */
    public static AuditKeys parse(String setting) {
        var keys = new LinkedHashMap<String, byte[]>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Each audit key must be written id:base64key; entry " + (keys.size() + 1)
                        + " is not");
            }
            String id = trimmed.substring(0, colon);
            try {
                keys.put(id, Base64.getDecoder().decode(trimmed.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Audit key \"" + id + "\" is not valid base64");
            }
        }
        return new AuditKeys(keys);
    }

    /**
     * The configured keys if {@code setting} is not blank; otherwise those in {@code dataDir/audit-key},
     * made on first use (readable by the portal's user only). A generated key's id ends in a fingerprint
     * of the key, so events signed by another instance's own key are told apart from tampering: several
     * instances must share configured keys.
     */
    public static AuditKeys configuredOrLocal(String setting, Path dataDir) {
        if (setting != null && !setting.isBlank()) {
            return parse(setting);
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                String key = newKey();
                Files.writeString(file, "local-" + fingerprint(Base64.getDecoder().decode(key)) + ":" + key + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the directory's own permissions protect it
                }
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8).strip().replace("\n", ","));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the audit key file " + file, e);
        }
    }

    public static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    public boolean has(String keyId) {
        return keys.containsKey(keyId);
    }

    /** HMAC-SHA256 of {@code text} under the key {@code keyId}, in hex; empty if that key is not configured. */
    Optional<String> mac(String keyId, String text) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            return Optional.empty();
        }
        Mac mac = macs.get().computeIfAbsent(keyId, id -> {
            try {
                Mac made = Mac.getInstance("HmacSHA256");
                made.init(key);
                return made;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
            }
        });
        return Optional.of(HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** One initialised MAC per key and thread, reused: verification signs millions of rows. */
    private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(java.util.HashMap::new);

    @Override
    public String toString() {
        return "AuditKeys[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
    }
}
