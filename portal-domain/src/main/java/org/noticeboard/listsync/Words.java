package org.noticeboard.listsync;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a sync is put into words, the same in the service, the worker and the audit trail. */
final class Words {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM", Locale.UK);

    private Words() {}

    /** "14:05 on 3 Mar (UK time)". */
    static String time(Instant at) {
        return TIME.format(at.atZone(UK)) + " (UK time)";
    }

    static String count(int n) {
        return String.format(Locale.UK, "%,d", n);
    }

    static String count(int n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    static String handle(String handle) {
        return "@" + handle;
    }

    static String quoted(String name) {
        return "\u201C" + name + "\u201D";
    }

    /** What the job does, e.g. "sync \u201CThink tanks\u201D to an X List of @NHSTrust". */
    static String what(SyncKind kind, String listName, String handle) {
        return kind == SyncKind.SYNC_LIST
                ? "sync " + quoted(listName) + " to an X List of " + handle(handle)
                : "follow everyone on " + quoted(listName) + " from " + handle(handle);
    }

    /** The result and state in a sentence or three, for the status, the audit trail and notifications. */
    static String summary(ListSyncRepository.SyncRow job, int targets, @Nullable Instant estimate) {
        String handle = handle(job.accountHandle());
        String list = quoted(job.listName());
        Budget budget = job.kind().budget();
        String pace = "X allows " + budget.limit() + " " + budget.what() + " per 15 minutes";
        String skipped = job.skipped() == 0 ? "" : " " + count(job.skipped(), "stakeholder", "stakeholders")
                + " on the list " + (job.skipped() == 1 ? "has" : "have")
                + " no X account known to Noticeboard and " + (job.skipped() == 1 ? "was" : "were") + " left out.";
        String refused = job.failed() == 0 ? "" : " X refused " + count(job.failed(), "change", "changes")
                + " (see the problems listed with the sync).";
        return switch (job.state()) {
            case AWAITING_APPROVAL -> "Waiting for an account admin of " + handle + " to approve: "
                    + what(job.kind(), job.listName(), job.accountHandle()) + " ("
                    + count(targets, "stakeholder", "stakeholders") + " with an X account)."
                    + (estimate == null ? "" : " " + pace + ", so if approved now it would finish around "
                            + time(estimate) + ".");
            case QUEUED -> "Approved by " + (job.approvedByName() == null ? "an account admin" : job.approvedByName())
                    + (job.message() == null ? "; it starts shortly." : ".")
                    + (job.message() == null ? "" : " " + job.message());
            case RUNNING -> count(job.done()) + " of " + count(job.total(), "change", "changes") + " made ("
                    + progress(job) + ")." + (estimate == null ? "" : " " + pace + ", so it should finish around "
                            + time(estimate) + ".")
                    + (job.message() == null ? "" : " " + job.message());
            case DONE -> (job.kind() == SyncKind.SYNC_LIST
                    ? (job.total() == 0 ? "The X List of " + handle + " already matched " + list + ": nothing to change."
                            : "The X List of " + handle + (job.failed() == 0 ? " now matches " + list
                                    : " now matches " + list + " but for what X refused") + ": " + progress(job) + ".")
                    : (job.total() == 0 ? "Nobody on " + list + " to follow from " + handle + "."
                            : handle + " now follows " + (job.failed() == 0 ? "" : "all it could of ")
                                    + "the stakeholders on " + list + ": " + progress(job) + "."))
                    + refused + skipped;
            case FAILED -> "Stopped after " + count(job.done()) + " of " + count(job.total(), "change", "changes")
                    + ": " + (job.message() == null ? "it failed." : job.message());
            case CANCELLED -> job.message() == null ? "Cancelled." : job.message();
        };
    }

    private static String progress(ListSyncRepository.SyncRow job) {
        String made = job.kind() == SyncKind.SYNC_LIST
                ? count(job.added()) + " added, " + count(job.removed()) + " removed"
                : count(job.followed()) + " followed";
        return job.failed() == 0 ? made : made + ", " + count(job.failed()) + " refused by X";
    }
}
