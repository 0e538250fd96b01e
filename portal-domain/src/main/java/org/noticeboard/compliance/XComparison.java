package org.noticeboard.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.noticeboard.publish.XTokens;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XGateway;
import org.noticeboard.xapi.XPage;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XToken;
import org.springframework.stereotype.Component;

/**
 * Compares an official account's posts on X in a period with those Noticeboard published: a post on X
 * that Noticeboard does not know went out outside the workflow. Reads the account's timeline with
 * its own token, page by page (X keeps only the newest 3,200 posts of a timeline within reach). It checks no
 * caller: it is package-private so that only {@link ComplianceService}, which does, can use it.
 */
@Component
class XComparison {

    /** 35 pages of 100: X's own reach of 3,200 posts and a little more. */
    static final int MAX_PAGES = 35;

    private final XGateway x;
    private final XTokens tokens;

    XComparison(XGateway x, XTokens tokens) {
        this.x = x;
        this.tokens = tokens;
    }

    /** The outcome: posts on X in the period, whether all could be read, and why not. */
    public record Result(boolean compared, List<XPost> onX, boolean complete, String note) {}

    public Result compare(long accountId, String handle, @Nullable String xUserId, Instant from, Instant to) {
        if (xUserId == null) {
            return new Result(false, List.of(), false, handle + ": not compared with X, the account was never connected.");
        }
        XToken token;
        try {
            token = tokens.tokenFor(accountId);
        } catch (XException e) {
            return new Result(false, List.of(), false, handle + ": not compared with X, no valid token (" + e.getMessage()
                    + "); reconnect the account and run the report again.");
        }
        var found = new ArrayList<XPost>();
        String page = null;
        int pages = 0;
        boolean reachedStart = false;
        try {
            do {
                XPage<XPost> result = x.userPosts(token, xUserId, from, page);
                pages++;
                for (XPost post : result.items()) {
                    Instant at = post.createdAt();
                    if (at != null && at.isBefore(from)) {
                        reachedStart = true;
                    } else if (at == null || at.isBefore(to)) {
                        found.add(post);
                    }
                }
                page = result.nextToken();
            } while (page != null && !reachedStart && pages < MAX_PAGES);
        } catch (XException e) {
            if (e.failure() == XFailure.UNAUTHORIZED) {
                tokens.rejected(accountId, "X refused the token when the compliance report read the timeline");
            }
            return new Result(false, found, false, handle + ": the comparison with X stopped after " + found.size()
                    + " posts: " + e.getMessage());
        }
        boolean complete = page == null || reachedStart;
        return new Result(true, found, complete, handle + ": " + found.size() + " posts on X in the period compared"
                + (complete ? "." : "; X's timeline reaches no further back, so older posts of the period were not compared."));
    }

    static List<XPost> unknown(Result result, Set<String> ours) {
        return result.onX().stream().filter(p -> !ours.contains(p.id())).toList();
    }
}
