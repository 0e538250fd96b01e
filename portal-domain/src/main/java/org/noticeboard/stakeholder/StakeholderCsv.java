package org.noticeboard.stakeholder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.account.XHandle;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.Names;
import org.noticeboard.stakeholder.CsvFile.Field;
import org.noticeboard.stakeholder.CsvRow.Outcome;
import org.noticeboard.stakeholder.StakeholderFields.Clean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the directory from CSV and exports it. An import is previewed first (nothing written: each
 * row is to be added, merged into the stakeholder with the same handle, or refused, and why), then
 * committed: all its rows in one transaction, exactly as previewed, or none.
 *
 * <p>Tokens: a preview keeps the file on this server for {@link #PREVIEW_LIFETIME} under a random
 * token, for the member who made it, among that member's own previews (at most
 * {@link #KEPT_PREVIEWS_PER_MEMBER}): no one else can use it or push it out. Its fingerprint is the SHA-256 of the file and of the plan
 * (each row's outcome, the stakeholder and version it merges into, whether it joins the list), so
 * that a commit with the file and the fingerprint also works where the token is gone (another
 * instance, a restart). Either way the commit plans again, in its transaction with the stakeholders
 * it merges into locked, and refuses the whole file when the plan is no longer the previewed one.
 *
 * <p>X checks: imported handles are stored unchecked and checked afterwards, 100 per request to X
 * ({@link StakeholderService#refreshUnchecked}), not in the commit. 10,000 rows commit in well under
 * 3 seconds; 100 round trips to X would take many seconds more while holding the transaction (and
 * the person) and use up the account's rate limit, and X being slow or down must not undo an
 * import that has nothing wrong with it.
 */
@Service
public class StakeholderCsv {

    /** An import adding this many stakeholders refreshes the table's planner statistics in its transaction. */
    static final int REFRESH_STATISTICS_AT = 1000;

    public static final Duration PREVIEW_LIFETIME = Duration.ofMinutes(30);
    /** Previews kept per member: a member who previews more drops their own oldest, never anyone else's. */
    static final int KEPT_PREVIEWS_PER_MEMBER = 4;
    private static final Pattern TOPIC_SEPARATORS = Pattern.compile("[;|]");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StakeholderRepository stakeholders;
    private final StakeholderService directory;
    private final StakeholderLists lists;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;
    /** Each member's previews, oldest first, under the organisation and member that made them. */
    private final Map<Owner, LinkedHashMap<String, Kept>> previews = new HashMap<>();

    public StakeholderCsv(StakeholderRepository stakeholders, StakeholderService directory, StakeholderLists lists,
            Access access, AuditTrail audit, Clock clock) {
        this.stakeholders = stakeholders;
        this.directory = directory;
        this.lists = lists;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** What importing the file (into the directory, and onto the list if one is given) would do. Writes nothing. */
    @Transactional(readOnly = true)
    public CsvPreview preview(byte[] csv, @Nullable Long targetListId) {
        Actor actor = writer();
        var target = targetListId == null ? null : lists.importTarget(actor, targetListId);
        CsvFile.Parsed parsed = CsvFile.read(csv);
        Plan plan = plan(actor, parsed, target, false);
        String fingerprint = fingerprint(csv, plan);
        String token = keep(actor, csv, targetListId, fingerprint, plan.rows());
        var columns = new LinkedHashMap<String, String>();
        parsed.columns().forEach((field, header) -> columns.put(field.label(), header));
        return new CsvPreview(token, fingerprint, targetListId, target == null ? null : target.name(), columns,
                parsed.ignored(), plan.rows(), plan.count(Outcome.ADD), plan.count(Outcome.MERGE),
                plan.count(Outcome.REFUSE));
    }

    /** Commits a preview kept on this server. */
    @Transactional
    public CsvImportResult commit(String previewToken, @Nullable String note) {
        Actor actor = writer();
        Kept kept = kept(previewToken, actor).orElseThrow(() -> new ConflictException("preview_gone",
                "That preview is no longer kept (they are kept for " + PREVIEW_LIFETIME.toMinutes()
                        + " minutes, on the server that made them). Nothing was imported: preview the file again."));
        CsvImportResult result = commit(actor, kept.bytes(), kept.targetListId(), kept.fingerprint(), kept.rows(), note);
        synchronized (previews) {
            var own = previews.get(Owner.of(actor));
            if (own != null) {
                own.remove(previewToken);
            }
        }
        return result;
    }

    /** Commits the same file as a preview, by the preview's fingerprint. */
    @Transactional
    public CsvImportResult commit(byte[] csv, @Nullable Long targetListId, String fingerprint, @Nullable String note) {
        return commit(writer(), csv, targetListId, fingerprint, null, note);
    }

    /**
     * The directory, or the part of it the query finds, as CSV with the internal notes (every member holding a role
     * may read them; a member with none is refused).
     */
    @Transactional
    public byte[] exportDirectory(StakeholderQuery query) {
        Actor actor = access.requireAnyRole();
        List<Stakeholder> all = directory.all(query);
        audit.record(actor, "stakeholder.exported", "stakeholder", "directory", all.size()
                + " stakeholder(s) exported to CSV", null, null);
        return CsvExport.stakeholders(all, true);
    }

    private CsvImportResult commit(Actor actor, byte[] csv, @Nullable Long targetListId, String fingerprint,
            @Nullable List<CsvRow> previewed, @Nullable String note) {
        String historyNote = Names.optional(note) == null ? "Imported from a CSV file" : Names.optional(note);
        var target = targetListId == null ? null : lists.importTarget(actor, targetListId);
        CsvFile.Parsed parsed = CsvFile.read(csv);
        Plan plan = plan(actor, parsed, target, true);
        String now = fingerprint(csv, plan);
        if (!now.equals(fingerprint)) {
            if (!now.substring(0, now.indexOf('-')).equals(fingerprint.substring(0, Math.max(0, fingerprint.indexOf('-'))))) {
                throw new InvalidInputException("not_previewed", "file",
                        "This is not the file that was previewed (or not for the same list). Preview it first.");
            }
            throw stale(previewed, plan.rows());
        }
        Instant at = clock.instant();
        Map<String, Long> ids;
        try {
            ids = stakeholders.insertAll(actor.organisationId(), plan.adds(), actor.memberId(), at);
            if (plan.adds().size() >= REFRESH_STATISTICS_AT) {
                // thousands of new rows: let the planner see them before the list inserts join on them
                stakeholders.refreshStatistics();
            }
            if (!stakeholders.updateAll(actor.organisationId(), plan.merges(), at)) {
                throw stale(previewed, null);
            }
        } catch (DataIntegrityViolationException e) {
            // another import or a person added one of these handles after this plan was made
            throw stale(previewed, null);
        }
        var imported = new ArrayList<Long>();
        var toList = new ArrayList<StakeholderLists.ImportedMember>();
        var addedHandles = new ArrayList<String>();
        var mergedHandles = new ArrayList<String>();
        int unchanged = 0;
        for (CsvRow row : plan.rows()) {
            if (row.outcome() == Outcome.REFUSE) {
                continue;
            }
            long id = row.outcome() == Outcome.ADD
                    ? Objects.requireNonNull(ids.get(row.handle().toLowerCase(Locale.ROOT)))
                    : Objects.requireNonNull(row.existingId());
            imported.add(id);
            if (row.outcome() == Outcome.ADD) {
                addedHandles.add("@" + row.handle());
            } else if (row.changes().isEmpty()) {
                unchanged++;
            } else {
                mergedHandles.add("@" + row.handle());
            }
            if (row.addsToList()) {
                Stakeholder stored = plan.existing().get(id);
                toList.add(new StakeholderLists.ImportedMember(id, stored == null ? row.handle() : stored.handle().value(),
                        row.name()));
            }
        }
        int addedToList = target == null || toList.isEmpty() ? 0
                : lists.addImported(actor, target.listId(), toList, Objects.requireNonNull(historyNote));
        int refused = plan.count(Outcome.REFUSE);
        var after = new LinkedHashMap<String, @Nullable String>();
        after.put("added", String.join(" ", addedHandles));
        after.put("merged", String.join(" ", mergedHandles));
        after.put("refusedRows", String.valueOf(refused));
        after.put("list", target == null ? null : target.name() + " (#" + target.listId() + "), " + addedToList + " added");
        after.put("fingerprint", fingerprint);
        audit.record(actor, "stakeholder.imported", "stakeholder_import", fingerprint.substring(0, 16),
                "CSV import: " + addedHandles.size() + " stakeholder(s) added, " + mergedHandles.size() + " updated, "
                        + unchanged + " unchanged, " + refused + " row(s) refused"
                        + (target == null ? "" : "; " + addedToList + " added to list \"" + target.name() + "\""),
                null, after);
        String message = addedHandles.size() + " stakeholder(s) added, " + mergedHandles.size() + " updated, "
                + unchanged + " already as in the file" + (refused == 0 ? "" : "; " + refused + " row(s) refused, not imported")
                + (target == null ? "." : "; " + addedToList + " added to \"" + target.name() + "\".")
                + (addedHandles.isEmpty() ? "" : " The new handles are not checked against X yet: Noticeboard checks "
                        + "them in the background within minutes while an official account is connected, 100 per request to X.");
        return new CsvImportResult(addedHandles.size(), mergedHandles.size(), unchanged, refused, targetListId,
                addedToList, imported, message);
    }

    /** The import's plan: a row for each row of the file, with what it writes. */
    private record Plan(List<CsvRow> rows, List<Clean> adds, List<StakeholderRepository.Merged> merges,
            Map<Long, Stakeholder> existing, String digest) {

        int count(Outcome outcome) {
            return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    /** A row read and checked on its own: its fields, or why it cannot be imported. */
    private record Judged(@Nullable XHandle handle, String name, @Nullable StakeholderCategory category,
            @Nullable String region, List<String> topics, @Nullable Boolean political, @Nullable String notes,
            @Nullable String refusal) {}

    private Plan plan(Actor actor, CsvFile.Parsed parsed, StakeholderLists.@Nullable ImportTarget target, boolean lock) {
        var judged = new ArrayList<Judged>(parsed.rows().size());
        var keys = new ArrayList<String>();
        for (CsvFile.Row row : parsed.rows()) {
            Judged j = judge(row);
            judged.add(j);
            if (j.handle() != null) {
                keys.add(StakeholderFields.key(j.handle()));
            }
        }
        Map<String, Stakeholder> existing = keys.isEmpty() ? Map.of()
                : stakeholders.findByHandles(actor.organisationId(), keys, lock);
        Set<Long> onList = target == null ? Set.of() : target.memberIds();
        var firstRow = new HashMap<String, Integer>();
        var rows = new ArrayList<CsvRow>(judged.size());
        var adds = new ArrayList<Clean>();
        var merges = new ArrayList<StakeholderRepository.Merged>();
        MessageDigest digest = sha256();
        digest.update(String.valueOf(target == null ? "" : target.listId()).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < judged.size(); i++) {
            CsvFile.Row source = parsed.rows().get(i);
            Judged j = judged.get(i);
            String handleText = j.handle() == null ? source.cell(Field.HANDLE) : j.handle().value();
            CsvRow row;
            if (j.refusal() != null || j.handle() == null) {
                row = refuse(source, handleText, j.name(), Objects.requireNonNull(j.refusal()));
            } else {
                String key = StakeholderFields.key(j.handle());
                Integer earlier = firstRow.putIfAbsent(key, source.row());
                Stakeholder match = existing.get(key);
                if (earlier != null) {
                    row = refuse(source, handleText, j.name(), "Duplicate of row " + earlier + ": @" + handleText
                            + " appears more than once in the file; only the first is imported.");
                } else if (match == null) {
                    Clean clean = new Clean(j.handle(), j.name(), j.category() == null ? StakeholderCategory.OTHER
                            : j.category(), j.region(), j.topics(), Boolean.TRUE.equals(j.political()), j.notes());
                    adds.add(clean);
                    row = new CsvRow(source.row(), source.line(), Outcome.ADD, handleText, j.name(), null, List.of(),
                            target != null, "New: " + j.name() + " (" + clean.category().label() + ")"
                                    + (target == null ? "" : ", added to the list") + ".");
                } else {
                    row = merge(source, handleText, j, match, target != null && !onList.contains(match.id()), merges);
                }
            }
            rows.add(row);
            digest.update((row.row() + "|" + row.outcome() + "|" + row.handle().toLowerCase(Locale.ROOT) + "|"
                    + row.existingId() + "|" + (row.existingId() == null ? "" : existing.get(row.handle()
                    .toLowerCase(Locale.ROOT)).version()) + "|" + row.addsToList() + "|" + row.changes() + "|"
                    + (row.outcome() == Outcome.REFUSE ? row.message() : "") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        var byId = new HashMap<Long, Stakeholder>();
        existing.values().forEach(st -> byId.put(st.id(), st));
        return new Plan(rows, adds, merges, byId, HexFormat.of().formatHex(digest.digest()));
    }

    private CsvRow merge(CsvFile.Row source, String handleText, Judged j, Stakeholder match, boolean addsToList,
            List<StakeholderRepository.Merged> merges) {
        var topics = new ArrayList<>(match.topics());
        topics.addAll(j.topics());
        List<String> mergedTopics;
        try {
            mergedTopics = StakeholderFields.topics(topics);
        } catch (InvalidInputException e) {
            return refuse(source, handleText, j.name(), "Merged with " + match.handle() + "'s topics: "
                    + e.getMessage());
        }
        Clean merged = new Clean(match.handle(), j.name(), j.category() == null ? match.category() : j.category(),
                j.region() == null ? match.region() : j.region(), mergedTopics,
                j.political() == null ? match.political() : j.political(), j.notes() == null ? match.notes() : j.notes());
        var changes = new ArrayList<FieldChange>();
        change(changes, "name", match.name(), merged.name());
        change(changes, "category", match.category().label(), merged.category().label());
        change(changes, "region", match.region(), merged.region());
        change(changes, "topics", String.join("; ", match.topics()), String.join("; ", merged.topics()));
        change(changes, "political", match.political() ? "yes" : "no", merged.political() ? "yes" : "no");
        change(changes, "notes", match.notes(), merged.notes());
        if (!changes.isEmpty()) {
            merges.add(new StakeholderRepository.Merged(match.id(), match.version(), merged));
        }
        String what = changes.isEmpty() ? "Already in the directory as in the file; nothing changes"
                : "Updates " + String.join(", ", changes.stream().map(FieldChange::field).toList()) + " of "
                        + match.handle() + " (#" + match.id() + ")";
        return new CsvRow(source.row(), source.line(), Outcome.MERGE, handleText, merged.name(), match.id(),
                changes, addsToList, what + (addsToList ? "; added to the list." : "."));
    }

    private static void change(List<FieldChange> changes, String field, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static CsvRow refuse(CsvFile.Row source, String handle, String name, String why) {
        return new CsvRow(source.row(), source.line(), Outcome.REFUSE, handle, name, null, List.of(), false, why);
    }

    private static Judged judge(CsvFile.Row row) {
        String name = row.cell(Field.NAME).replaceAll("\\s+", " ");
        String handleText = row.cell(Field.HANDLE);
        XHandle handle = null;
        String refusal = null;
        if (handleText.isEmpty() || handleText.equals("@")) {
            refusal = "The X handle is missing.";
        } else {
            try {
                handle = XHandle.parse(handleText, "handle");
            } catch (InvalidInputException e) {
                refusal = e.getMessage();
            }
        }
        StakeholderCategory category = null;
        String region = null;
        List<String> topics = List.of();
        Boolean political = null;
        String notes = null;
        if (refusal == null && name.isEmpty()) {
            refusal = "The name is missing.";
        } else if (refusal == null && name.length() > StakeholderFields.MAX_NAME) {
            refusal = "The name is " + name.length() + " characters long; at most " + StakeholderFields.MAX_NAME
                    + " are allowed.";
        }
        String categoryText = row.cell(Field.CATEGORY);
        if (refusal == null && !categoryText.isEmpty()) {
            category = StakeholderCategory.match(categoryText).orElse(null);
            if (category == null) {
                refusal = "Unknown category \"" + categoryText + "\": use one of "
                        + String.join(", ", Arrays.stream(StakeholderCategory.values())
                                .map(StakeholderCategory::label).toList()) + ".";
            }
        }
        String politicalText = row.cell(Field.POLITICAL);
        if (refusal == null && !politicalText.isEmpty()) {
            political = switch (politicalText.toLowerCase(Locale.ROOT)) {
                case "yes", "y", "true", "1", "x", "political" -> true;
                case "no", "n", "false", "0" -> false;
                default -> null;
            };
            if (political == null) {
                refusal = "The political flag is \"" + politicalText + "\": write yes or no (or leave it empty).";
            }
        }
        if (refusal == null) {
            try {
                region = StakeholderFields.region(row.cell(Field.REGION));
                topics = StakeholderFields.topics(List.of(TOPIC_SEPARATORS.split(row.cell(Field.TOPICS))));
                notes = StakeholderFields.notes(row.cell(Field.NOTES));
            } catch (InvalidInputException e) {
                refusal = e.getMessage();
            }
        }
        return new Judged(handle, name, category, region, topics, political, notes, refusal);
    }

    private static ConflictException stale(@Nullable List<CsvRow> previewed, @Nullable List<CsvRow> now) {
        var differences = new ArrayList<String>();
        if (previewed != null && now != null) {
            for (int i = 0; i < Math.min(previewed.size(), now.size()) && differences.size() < 3; i++) {
                CsvRow before = previewed.get(i);
                CsvRow after = now.get(i);
                if (before.outcome() != after.outcome() || !Objects.equals(before.existingId(), after.existingId())
                        || before.addsToList() != after.addsToList() || !before.changes().equals(after.changes())) {
                    differences.add("row " + after.row() + " (@" + after.handle() + ") was " + describe(before)
                            + ", now " + describe(after));
                }
            }
        }
        return new ConflictException("preview_stale", "The directory or the list changed since the preview"
                + (differences.isEmpty() ? "" : ": " + String.join("; ", differences))
                + ". Nothing was imported: preview the file again.");
    }

    private static String describe(CsvRow row) {
        return switch (row.outcome()) {
            case ADD -> "to be added";
            case MERGE -> row.changes().isEmpty() ? "already in the directory" : "to update " + String.join(", ",
                    row.changes().stream().map(FieldChange::field).toList());
            case REFUSE -> "refused (" + row.message() + ")";
        } + (row.addsToList() ? " and join the list" : "");
    }

    private static String fingerprint(byte[] csv, Plan plan) {
        return HexFormat.of().formatHex(sha256().digest(csv)) + "-" + plan.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Actor writer() {
        return access.require(Role.CURATOR, Role.ORG_ADMIN);
    }

    private record Owner(long organisationId, @Nullable Long memberId) {

        static Owner of(Actor actor) {
            return new Owner(actor.organisationId(), actor.memberId());
        }
    }

    private record Kept(byte[] bytes, @Nullable Long targetListId, String fingerprint, List<CsvRow> rows, Instant until) {}

    /**
     * Keeps the preview among its maker's own: a member (of this organisation or another) who
     * previews file after file pushes out only their own older previews.
     */
    private String keep(Actor actor, byte[] csv, @Nullable Long targetListId, String fingerprint, List<CsvRow> rows) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        synchronized (previews) {
            previews.values().forEach(own -> own.values().removeIf(k -> k.until().isBefore(now)));
            previews.values().removeIf(Map::isEmpty);
            var own = previews.computeIfAbsent(Owner.of(actor), o -> new LinkedHashMap<>());
            while (own.size() >= KEPT_PREVIEWS_PER_MEMBER) {
                own.remove(own.keySet().iterator().next());
            }
            own.put(token, new Kept(csv.clone(), targetListId, fingerprint, rows, now.plus(PREVIEW_LIFETIME)));
        }
        return token;
    }

    /** Only the member who made a preview finds it: another member's token is no token at all. */
    private Optional<Kept> kept(String token, Actor actor) {
        synchronized (previews) {
            var own = previews.get(Owner.of(actor));
            Kept kept = own == null ? null : own.get(token);
            if (kept == null || kept.until().isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(kept);
        }
    }
}
