package org.noticeboard.stakeholder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.noticeboard.access.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the directory's X facts current without anyone pressing a button: imported handles are
 * checked soon after the import, and every handle again once a week (accounts are renamed,
 * suspended or deleted). Run by a recurring background job as the system of each organisation, 100
 * handles a request (one {@code GET /2/users/by}), a few requests a round, so the lookups stay far
 * inside X's limit for that endpoint. An organisation with no connected account is skipped: there is
 * no one to ask as.
 */
@Service
public class StakeholderChecks {

    /** Checked handles are checked again after this. */
    public static final Duration STALE_AFTER = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(StakeholderChecks.class);

    private final StakeholderRepository stakeholders;
    private final StakeholderService directory;
    private final Access access;
    private final Clock clock;

    StakeholderChecks(StakeholderRepository stakeholders, StakeholderService directory, Access access, Clock clock) {
        this.stakeholders = stakeholders;
        this.directory = directory;
        this.access = access;
        this.clock = clock;
    }

    /** What one round did. */
    public record Round(int organisations, int checked, int requests) {}

    /**
     * One round: for each organisation with handles due and a connected account, up to {@code
     * requestsPerOrganisation} lookups of {@value XLookup#BATCH} handles. An organisation whose
     * lookup X did not answer (limit reached, X down, tokens refused) waits for the next round.
     */
    public Round checkDue(int requestsPerOrganisation) {
        Instant started = clock.instant();
        Instant staleBefore = started.minus(STALE_AFTER);
        int organisations = 0;
        int checked = 0;
        int requests = 0;
        for (long organisationId : stakeholders.organisationsDueACheck(staleBefore)) {
            organisations++;
            for (int i = 0; i < requestsPerOrganisation; i++) {
                List<Long> due = stakeholders.dueACheck(organisationId, staleBefore, XLookup.BATCH);
                if (due.isEmpty()) {
                    break;
                }
                requests++;
                var results = access.asSystem(organisationId, "Background check of handles on X",
                        () -> directory.refresh(due));
                long done = results.stream().filter(r -> r.stakeholder().checkedAt() != null
                        && !r.stakeholder().checkedAt().isBefore(started)).count();
                checked += (int) done;
                if (done == 0) {
                    log.info("Handles of organisation {} not checked this round: {}", organisationId,
                            results.isEmpty() ? "nothing returned" : results.getFirst().message());
                    break;
                }
            }
        }
        return new Round(organisations, checked, requests);
    }
}
