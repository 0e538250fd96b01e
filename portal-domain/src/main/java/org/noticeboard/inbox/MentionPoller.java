package org.noticeboard.inbox;

import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Access;
import org.noticeboard.account.ConnectionState;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.db.jooq.tables.records.MentionPollRecord;
import org.noticeboard.publish.XTokens;
import org.noticeboard.shared.SessionLocks;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XGateway;
import org.noticeboard.xapi.XPage;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches the mentions of connected official accounts into their inboxes. X pages the mentions
 * timeline newest first; one run asks with {@code since_id} (the newest mention already kept) and
 * follows {@code next_token} until the last page. The cursor lives in {@code mention_poll}: each
 * page is stored with the token of the next in one transaction, so a run cut short (the page cap,
 * X's rate limit, a restart) carries on where it stopped and since_id moves on only when the run's
 * last page is in. Mentions are keyed by (account, X post id): a page read twice adds nothing.
 */
@Service
public class MentionPoller {

    private static final Logger log = LoggerFactory.getLogger(MentionPoller.class);
    /** The lock's space: mention polling; the id is the account's. */
    private static final int POLLING = 0x4d454e31;
    /** Open mentions looked up on X each poll, to notice those deleted there (one request of up to 100 ids). */
    static final int DELETION_CHECK = 100;

    private final DSLContext db;
    private final MentionRepository mentions;
    private final XGateway x;
    private final XTokens tokens;
    private final SessionLocks locks;
    private final TransactionTemplate tx;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;

    public MentionPoller(DSLContext db, MentionRepository mentions, XGateway x, XTokens tokens, SessionLocks locks,
            TransactionTemplate tx, Access access, AuditTrail audit, Clock clock) {
        this.db = db;
        this.mentions = mentions;
        this.x = x;
        this.tokens = tokens;
        this.locks = locks;
        this.tx = tx;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Official accounts, of every organisation, connected to X now. */
    public List<Long> connectedAccounts() {
        return db.select(OFFICIAL_ACCOUNT.ID).from(OFFICIAL_ACCOUNT)
                .where(OFFICIAL_ACCOUNT.X_USER_ID.isNotNull(),
                        OFFICIAL_ACCOUNT.CONNECTION_STATE.eq(ConnectionState.CONNECTED.name()))
                .orderBy(OFFICIAL_ACCOUNT.ID)
                .fetch(OFFICIAL_ACCOUNT.ID);
    }

    /** Reads up to {@code maxPages} pages of the account's new mentions; safe to call from several instances at once. */
    public PollOutcome poll(long accountId, int maxPages) {
        try (var lock = locks.tryLock(POLLING, accountId, "mentions of account")) {
            if (!lock.acquired()) {
                return new PollOutcome(accountId, 0, 0, false, "Another worker is polling this account");
            }
            return pollLocked(accountId, Math.max(1, maxPages));
        }
    }

    private PollOutcome pollLocked(long accountId, int maxPages) {
        var account = db.selectFrom(OFFICIAL_ACCOUNT).where(OFFICIAL_ACCOUNT.ID.eq(accountId)).fetchOne();
        if (account == null || account.getXUserId() == null) {
            return new PollOutcome(accountId, 0, 0, false, "The account is not connected to X");
        }
        long organisationId = account.getOrganisationId();
        String xUserId = account.getXUserId();
        XToken token;
        try {
            token = tokens.tokenFor(accountId);
        } catch (XException e) {
            return stopped(organisationId, accountId, 0, 0, "X did not accept the account's connection: " + e.getMessage());
        }
        int pages = 0;
        int added = 0;
        while (pages < maxPages) {
            MentionPollRecord cursor = tx.execute(s -> mentions.poll(organisationId, accountId));
            String since = cursor.getNewestXPostId();
            String pageToken = cursor.getPaginationToken();
            XPage<XPost> page;
            try {
                page = x.mentions(token, xUserId, since, pageToken);
            } catch (XException e) {
                if (e.failure() == XFailure.UNAUTHORIZED) {
                    tokens.rejected(accountId, "X answered \"" + e.getMessage() + "\" when reading mentions");
                }
                String problem = e.failure() == XFailure.RATE_LIMITED
                        ? "X's limit on reading mentions is reached for now; the inbox carries on where it stopped"
                                + (e.retryAt() == null ? "." : " after " + e.retryAt() + ".")
                        : "X did not give the mentions: " + e.getMessage();
                return stopped(organisationId, accountId, pages, added, problem);
            }
            pages++;
            Instant now = clock.instant();
            int kept = tx.execute(s -> {
                int n = mentions.insertPage(organisationId, accountId, page.items(), page.users(), now);
                MentionPollRecord row = mentions.poll(organisationId, accountId);
                // the first page of a run has the newest mention: that is since_id once the run is complete
                if (row.getPaginationToken() == null) {
                    row.setPendingNewestXPostId(newest(page));
                }
                if (page.nextToken() != null) {
                    row.setPaginationToken(page.nextToken());
                } else {
                    if (row.getPendingNewestXPostId() != null) {
                        row.setNewestXPostId(row.getPendingNewestXPostId());
                    }
                    row.setPaginationToken(null);
                    row.setPendingNewestXPostId(null);
                }
                row.setLastPolledAt(MentionRepository.utc(now));
                row.setLastProblem(null);
                row.setFetchedTotal(row.getFetchedTotal() + n);
                mentions.savePoll(row);
                return n;
            });
            added += kept;
            if (page.nextToken() == null) {
                checkDeletions(organisationId, accountId, token);
                if (added > 0) {
                    log.info("{} new mention(s) of account {} in {} page(s)", added, accountId, pages);
                }
                return new PollOutcome(accountId, pages, added, true, null);
            }
        }
        return new PollOutcome(accountId, pages, added, false, null);
    }

    private static @Nullable String newest(XPage<XPost> page) {
        if (page.newestId() != null) {
            return page.newestId();
        }
        return page.items().stream().map(XPost::id)
                .max((a, b) -> a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b))
                .orElse(null);
    }

    /** Open mentions X no longer has were deleted there: the inbox says so and refuses to answer them. */
    private void checkDeletions(long organisationId, long accountId, XToken token) {
        List<String> open = mentions.openXPostIds(accountId, DELETION_CHECK);
        if (open.isEmpty()) {
            return;
        }
        List<XPost> found;
        try {
            found = x.posts(token, open);
        } catch (XException e) {
            log.debug("Could not check mentions of account {} for deletions: {}", accountId, e.getMessage());
            return;
        }
        Set<String> gone = new HashSet<>(open);
        found.forEach(p -> gone.remove(p.id()));
        if (gone.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            int marked = mentions.markDeleted(accountId, gone);
            if (marked > 0) {
                access.asSystem(organisationId, "Noticeboard (mentions)", () -> {
                    audit.record(access.actor(), "mention.deleted-on-x", "official_account", accountId, marked
                            + " mention(s) deleted on X by their authors", null, Map.of("xPostIds", String.join(",", gone)));
                    return null;
                });
            }
        });
    }

    private PollOutcome stopped(long organisationId, long accountId, int pages, int added, String problem) {
        tx.executeWithoutResult(s -> {
            MentionPollRecord row = mentions.poll(organisationId, accountId);
            row.setLastPolledAt(MentionRepository.utc(clock.instant()));
            row.setLastProblem(problem);
            mentions.savePoll(row);
        });
        log.info("Polling mentions of account {} stopped: {}", accountId, problem);
        return new PollOutcome(accountId, pages, added, false, problem);
    }

    /** When the account's mentions were last read, and the problem if the last poll stopped on one. */
    public @Nullable PollStatus status(long accountId) {
        MentionPollRecord row = mentions.pollState(accountId);
        if (row == null) {
            return null;
        }
        return new PollStatus(row.getLastPolledAt() == null ? null : row.getLastPolledAt().toInstant(), row.getLastProblem(),
                row.getPaginationToken() != null);
    }

    /** {@code catchingUp}: a run of pages is under way (more mentions than one poll reads). */
    public record PollStatus(@Nullable Instant lastPolledAt, @Nullable String problem, boolean catchingUp) {}
}
