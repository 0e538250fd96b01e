package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class PolicyServiceTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired PolicyService policy;
    @Autowired AuditService audit;

    World.Org org;
    long admin;

    @BeforeEach
    void setUp() {
        org = world.organisation("Policy Trust");
        admin = org.member(Role.ORG_ADMIN);
    }

    PolicySettings withParameters(PolicySettings settings, UnaryOperator<Params> change) {
        var p = change.apply(Params.of(settings.parameters()));
        return new PolicySettings(settings.rules(), p.build());
    }

    /** A mutable copy of the parameters, for tests. */
    static final class Params {
        List<String> banned;
        String hospital;
        List<String> allowed;
        LocalTime start;
        LocalTime end;
        List<DateRange> periods;
        int capitals;
        PolicyParameters base;

        static Params of(PolicyParameters p) {
            var params = new Params();
            params.base = p;
            params.banned = p.bannedTerms();
            params.hospital = p.hospitalNumberPattern();
            params.allowed = p.allowedLinkDomains();
            params.start = p.publishingStart();
            params.end = p.publishingEnd();
            params.periods = p.preElectionPeriods();
            params.capitals = p.capitalsPercent();
            return params;
        }

        PolicyParameters build() {
            return new PolicyParameters(banned, allowed, base.deniedLinkDomains(), base.publishedPhoneNumbers(),
                    base.publishedEmailAddresses(), hospital, start, end, base.publishingDays(), periods,
                    base.politicalStakeholders(), capitals, base.extraToneWords());
        }
    }

    @Test
    void the_first_read_puts_the_defaults_in_force_as_version_1() {
        var current = caller.as(org.member(Role.STAFF), policy::current);
        assertThat(current.version()).isEqualTo(1);
        assertThat(current.settings()).isEqualTo(PolicyEngine.defaults());
    }

    @Test
    void every_save_is_a_new_version_old_ones_stay_readable_and_diffable() {
        var v1 = caller.as(admin, policy::current);
        var rules = new HashMap<>(v1.settings().rules());
        rules.put("nhs-number", new RuleSetting(true, Severity.WARN));
        var changed = withParameters(new PolicySettings(rules, v1.settings().parameters()), p -> {
            p.banned = List.of("  scandal ", "cover-up");
            p.hospital = "RX[0-9]{6}";
            p.periods = List.of(new DateRange(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 6)));
            return p;
        });
        var v2 = caller.as(admin, () -> policy.save(changed, "Hospital numbers and banned words", 1));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.settings().parameters().bannedTerms()).containsExactly("scandal", "cover-up");
        assertThat(v2.createdByName()).isEqualTo("Organisation admin of Policy Trust");

        assertThat(caller.as(admin, policy::versions)).extracting(PolicyVersion::version).containsExactly(2, 1);
        assertThat(caller.as(admin, () -> policy.version(1)).settings()).isEqualTo(PolicyEngine.defaults());
        assertThat(caller.as(org.member(Role.AUDITOR), () -> policy.differences(1, 2))).contains(
                "Rule: " + RuleCatalog.get("nhs-number").title() + ": on, BLOCK \u2192 on, WARN",
                "Banned terms: (none) \u2192 scandal, cover-up",
                "Hospital number pattern: (none) \u2192 RX[0-9]{6}",
                "Pre-election periods: (none) \u2192 2027-04-01 to 2027-05-06");
        assertThat(caller.as(admin, policy::current).version()).isEqualTo(2);
        assertThat(caller.as(admin, () -> audit.search(AuditQuery.all().withAction("policy.saved"), 0, 5)))
                .extracting(e -> e.summary()).anySatisfy(s -> assertThat(s).startsWith("Policy version 2 saved: Rule: "));
    }

    @Test
    void an_invalid_regular_expression_is_refused_where_it_was_typed_and_nothing_is_saved() {
        var v1 = caller.as(admin, policy::current);
        var bad = withParameters(v1.settings(), p -> {
            p.hospital = "RX[0-9{6";
            return p;
        });
        assertThatThrownBy(() -> caller.run(admin, () -> policy.save(bad, null, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("hospitalNumberPattern"))
                .hasMessageStartingWith("The hospital-number pattern is not a valid regular expression");
        assertThat(caller.as(admin, policy::versions)).hasSize(1);
    }

    @Test
    void other_bad_parameters_name_their_field() {
        var v1 = caller.as(admin, policy::current);
        assertThatThrownBy(() -> caller.run(admin, () -> policy.save(withParameters(v1.settings(), p -> {
            p.allowed = List.of("nhs.uk", "not a domain");
            return p;
        }), null, 1))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("allowedLinkDomains"));
        assertThatThrownBy(() -> caller.run(admin, () -> policy.save(withParameters(v1.settings(), p -> {
            p.start = LocalTime.of(18, 0);
            p.end = LocalTime.of(18, 0);
            return p;
        }), null, 1))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("publishingStart"));
        assertThatThrownBy(() -> caller.run(admin, () -> policy.save(withParameters(v1.settings(), p -> {
            p.periods = List.of(new DateRange(LocalDate.of(2027, 5, 6), LocalDate.of(2027, 4, 1)));
            return p;
        }), null, 1))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("preElectionPeriods"));
        assertThatThrownBy(() -> caller.run(admin, () -> policy.save(withParameters(v1.settings(), p -> {
            p.capitals = 0;
            return p;
        }), null, 1))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("capitalsPercent"));
    }

    @Test
    void saving_over_a_newer_version_or_saving_nothing_new_is_refused() {
        var v1 = caller.as(admin, policy::current);
        var changed = withParameters(v1.settings(), p -> {
            p.banned = List.of("scandal");
            return p;
        });
        caller.run(admin, () -> policy.save(changed, null, 1));
        assertThatThrownBy(() -> caller.run(admin, () -> policy.save(withParameters(v1.settings(), p -> {
            p.banned = List.of("other");
            return p;
        }), null, 1))).isInstanceOf(ConflictException.class).hasMessageContaining("Version 2 of the policy was saved by");
        assertThatThrownBy(() -> caller.run(admin, () -> policy.save(changed, null, 2)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("unchanged"));
    }

    @Test
    void only_admins_change_the_policy_and_admins_and_auditors_read_its_history() {
        for (Role role : Set.of(Role.STAFF, Role.APPROVER, Role.CURATOR, Role.ACCOUNT_ADMIN, Role.AUDITOR)) {
            var current = caller.as(org.member(role), policy::current);
            assertThatThrownBy(() -> caller.run(org.member(role), () -> policy.save(current.settings(), null, 1)))
                    .isInstanceOf(NotPermittedException.class);
        }
        assertThatThrownBy(() -> caller.run(org.member(Role.STAFF), policy::versions)).isInstanceOf(NotPermittedException.class);
        assertThat(caller.as(org.member(Role.AUDITOR), policy::versions)).isNotEmpty();
    }

    @Test
    void each_organisation_has_its_own_policy() {
        var other = world.organisation("Other Trust");
        var v1 = caller.as(admin, policy::current);
        caller.run(admin, () -> policy.save(withParameters(v1.settings(), p -> {
            p.banned = List.of("ours");
            return p;
        }), null, 1));
        assertThat(caller.as(other.member(Role.ORG_ADMIN), policy::current).version()).isEqualTo(1);
        assertThat(caller.as(other.member(Role.ORG_ADMIN), policy::versions)).hasSize(1);
        assertThat(DayOfWeek.MONDAY).isIn(v1.settings().parameters().publishingDays());
    }
}
