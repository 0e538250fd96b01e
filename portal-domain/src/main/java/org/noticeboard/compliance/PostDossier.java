package org.noticeboard.compliance;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.audit.AuditEvent;
import org.noticeboard.post.Comment;
import org.noticeboard.post.Decision;
import org.noticeboard.post.Post;
import org.noticeboard.post.Revision;
import org.noticeboard.publish.PublicationAttempt;

/**
 * A post's whole life for an auditor: every revision with what changed from the one before and the
 * policy check made with it (version, findings, justifications), every approval and rejection,
 * every attempt to publish and the id on X, and every recorded event about it (deletion included).
 */
public record PostDossier(Post post, List<RevisionEntry> revisions, List<Decision> decisions, List<Comment> comments,
        List<PublicationAttempt> attempts, List<AuditEvent> events) {

    public PostDossier {
        revisions = List.copyOf(revisions);
        decisions = List.copyOf(decisions);
        comments = List.copyOf(comments);
        attempts = List.copyOf(attempts);
        events = List.copyOf(events);
    }

    /** One revision and its difference from the previous one (null for the first). */
    public record RevisionEntry(Revision revision, @Nullable List<WordDiff.Part> difference) {

        public String differenceInWords() {
            return difference == null ? "first revision" : WordDiff.describe(difference);
        }
    }

    /** The deletion of the post from X, when one was recorded. */
    public @Nullable AuditEvent deletion() {
        return events.stream().filter(e -> e.action().endsWith(".deleted") || e.action().equals("post.deleted_on_x"))
                .findFirst().orElse(null);
    }
}
