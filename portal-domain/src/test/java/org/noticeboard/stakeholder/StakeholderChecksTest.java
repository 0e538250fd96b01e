package org.noticeboard.stakeholder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The background job's part in the domain: imported handles are checked without anyone asking, and again weekly. */
@SpringBootTest(classes = DomainTestApplication.class)
class StakeholderChecksTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired StakeholderChecks checks;
    @Autowired StakeholderRepository repository;
    @Autowired OfficialAccountService accounts;
    @Autowired FakeX x;
    @Autowired FakeTokens tokens;
    @Autowired ShiftableClock clock;
    @Autowired org.jooq.DSLContext db;

    World.Org trust;

    @BeforeEach
    void setUp() {
        x.reset();
        tokens.reset();
        trust = world.organisation("Background Check Trust");
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    void connect(World.Org org) {
        String xUserId = String.valueOf(org.account().id() + 900_000);
        caller.run(org.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(org.account().id(), xUserId,
                org.account().handle().value(), org.organisation().name()));
        tokens.connect(org.account().id(), xUserId);
    }

    /** Imports {@code count} unchecked stakeholders the way the CSV import does: bg0..bgN. */
    void imported(World.Org org, int count) {
        var rows = new ArrayList<StakeholderFields.Clean>();
        for (int i = 0; i < count; i++) {
            rows.add(StakeholderFields.clean(StakeholderDraft.of("bg" + i, "Body " + i, StakeholderCategory.CHARITY)));
        }
        repository.insertAll(org.organisation().id(), rows, null, clock.instant());
    }

    List<Stakeholder> directory(World.Org org) {
        return repository.findAll(org.organisation().id(),
                repository.dueACheck(org.organisation().id(), clock.instant().plus(Duration.ofDays(3650)), 10_000));
    }

    @Test
    void imported_handles_are_checked_in_rounds_of_100_and_then_left_alone_for_a_week() {
        connect(trust);
        imported(trust, 250);
        for (int i = 0; i < 250; i += 2) {
            x.registerUser("bg" + i, "Body on X " + i, i);
        }

        var round = checks.checkDue(2);

        assertThat(round.checked()).isGreaterThanOrEqualTo(200);
        assertThat(repository.uncheckedCount(trust.organisation().id())).isEqualTo(50);
        assertThat(x.userLookups()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(100));

        checks.checkDue(2);
        assertThat(repository.uncheckedCount(trust.organisation().id())).isZero();
        var all = directory(trust);
        assertThat(all).hasSize(250);
        assertThat(all).filteredOn(s -> Boolean.TRUE.equals(s.xExists())).hasSize(125)
                .allSatisfy(s -> assertThat(s.xUserId()).isNotNull());
        assertThat(all).filteredOn(s -> Boolean.FALSE.equals(s.xExists())).hasSize(125);

        int asked = x.userLookups().size();
        checks.checkDue(2);
        assertThat(x.userLookups()).as("nothing due until a week has passed").hasSize(asked);

        x.removeUser("bg0");
        clock.advance(StakeholderChecks.STALE_AFTER.plus(Duration.ofHours(1)));
        checks.checkDue(5);
        var again = repository.findAll(trust.organisation().id(), all.stream().map(Stakeholder::id).toList());
        assertThat(again).allSatisfy(s -> assertThat(s.checkedAt()).isAfter(all.getFirst().checkedAt()));
        assertThat(again).filteredOn(s -> s.handle().value().equals("bg0"))
                .singleElement().satisfies(s -> assertThat(s.xExists()).as("deleted on X since").isFalse());
    }

    @Test
    void an_organisation_with_no_connected_account_is_not_asked_about() {
        imported(trust, 3);

        checks.checkDue(5);

        assertThat(repository.uncheckedCount(trust.organisation().id())).isEqualTo(3);
        assertThat(x.userLookups()).noneSatisfy(batch -> assertThat(batch).contains("bg0"));
    }

    @Test
    void when_x_does_not_answer_the_handles_wait_for_the_next_round() {
        connect(trust);
        imported(trust, 120);
        for (int i = 0; i < 20; i++) {
            x.nextUsersLookup(() -> new XException(XFailure.RATE_LIMITED, 429, "Too Many Requests"));
        }

        checks.checkDue(5);
        assertThat(repository.uncheckedCount(trust.organisation().id())).isEqualTo(120);
        // the round that could not run is in the trail, under the background check's name
        assertThat(db.fetch("select actor_name, summary from audit_event where organisation_id = ? and action = "
                + "'stakeholder.check-failed'", trust.organisation().id())).singleElement().satisfies(r -> {
                    assertThat(r.get(0, String.class)).isEqualTo("Background check of handles on X");
                    assertThat(r.get(1, String.class)).contains("100 stakeholder handle(s) not checked");
                });

        x.clearScripts();
        checks.checkDue(5);
        assertThat(repository.uncheckedCount(trust.organisation().id())).isZero();
    }
}
