package org.noticeboard.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Grant;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class MemberServiceTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired MemberService members;
    @Autowired AuditService audit;
    @Autowired org.noticeboard.access.Access access;

    World.Org org;
    long admin;

    @BeforeEach
    void setUp() {
        org = world.organisation("Members Trust");
        admin = org.member(Role.ORG_ADMIN);
    }

    @Test
    void an_admin_adds_a_member_and_grants_and_revokes_roles() {
        var member = caller.as(admin, () -> members.create("Priya Shah", "priya.shah@nhs.example", org.department().id()));
        assertThat(member.grants()).isEmpty();
        var granted = caller.as(admin, () -> members.grant(member.id(), Role.STAFF, org.department().id()));
        assertThat(granted.grants()).singleElement().satisfies(g -> {
            assertThat(g.role()).isEqualTo(Role.STAFF);
            assertThat(g.departmentName()).isEqualTo("Physiotherapy");
        });
        var withApprover = caller.as(admin, () -> members.grant(member.id(), Role.APPROVER, null));
        Grant staff = withApprover.grants().stream().filter(g -> g.role() == Role.STAFF).findFirst().orElseThrow();
        var revoked = caller.as(admin, () -> members.revoke(staff.id()));
        assertThat(revoked.grants()).extracting(Grant::role).containsExactly(Role.APPROVER);

        var actions = caller.as(admin, () -> audit.search(AuditQuery.all().withText("Priya"), 0, 10))
                .stream().map(e -> e.action()).toList();
        assertThat(actions).containsExactly("role.revoked", "role.granted", "role.granted", "member.created");
    }

    @Test
    void a_granted_role_takes_effect_on_the_next_call_and_a_revoked_one_stops_at_once() {
        var member = caller.as(admin, () -> members.create("Jo Bloggs", null, null));
        assertThatThrownBy(() -> caller.run(member.id(), members::list)).isInstanceOf(NotPermittedException.class);
        var granted = caller.as(admin, () -> members.grant(member.id(), Role.ORG_ADMIN, null));
        assertThat(caller.as(member.id(), members::list)).isNotEmpty();
        caller.run(admin, () -> members.revoke(granted.grants().getFirst().id()));
        assertThatThrownBy(() -> caller.run(member.id(), members::list)).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void the_same_grant_twice_is_refused() {
        long staff = org.member(Role.STAFF);
        assertThatThrownBy(() -> caller.run(admin, () -> members.grant(staff, Role.STAFF, null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already holds Staff for the whole organisation");
    }

    @Test
    void a_role_grant_to_a_member_of_another_organisation_is_refused_and_nothing_is_written() {
        var other = world.organisation("Other Trust");
        long stranger = other.member(Role.STAFF);
        int events = caller.as(admin, () -> audit.count(AuditQuery.all()));
        assertThatThrownBy(() -> caller.run(admin, () -> members.grant(stranger, Role.APPROVER, null)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.reason()).isEqualTo("not_found"))
                .hasMessage("Member #" + stranger + " does not exist in your organisation.");
        assertThat(caller.as(other.member(Role.ORG_ADMIN), () -> members.get(stranger)).grants())
                .extracting(Grant::role).containsExactly(Role.STAFF);
        assertThat(caller.as(admin, () -> audit.count(AuditQuery.all()))).isEqualTo(events);
    }

    @Test
    void a_grant_in_a_department_of_another_organisation_is_refused() {
        var other = world.organisation("Other Trust");
        long staff = org.member(Role.STAFF);
        assertThatThrownBy(() -> caller.run(admin, () -> members.grant(staff, Role.CURATOR, other.department().id())))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Department #");
    }

    @Test
    void the_last_organisation_admin_cannot_be_removed_or_deactivated() {
        var me = caller.as(admin, () -> members.get(admin));
        assertThatThrownBy(() -> caller.run(admin, () -> members.revoke(me.grants().getFirst().id())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("last_admin"));
        assertThatThrownBy(() -> caller.run(admin, () -> members.setActive(admin, false, me.version())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("self_deactivation"));
    }

    @Test
    void the_caller_is_read_with_every_grant_or_with_none() {
        var member = caller.as(admin, () -> members.create("Noor Ali", null, org.department().id()));
        var none = caller.as(member.id(), access::actor);
        assertThat(none.memberId()).isEqualTo(member.id());
        assertThat(none.displayName()).isEqualTo("Noor Ali");
        assertThat(none.grants()).isEmpty();

        caller.run(admin, () -> members.grant(member.id(), Role.STAFF, org.department().id()));
        caller.run(admin, () -> members.grant(member.id(), Role.APPROVER, null));
        var actor = caller.as(member.id(), access::actor);
        assertThat(actor.organisationId()).isEqualTo(org.organisation().id());
        assertThat(actor.grants()).extracting(Grant::role).containsExactly(Role.APPROVER, Role.STAFF);
        assertThat(actor.grants()).extracting(Grant::departmentName).containsExactly(null, "Physiotherapy");
    }

    @Test
    void a_deactivated_member_can_no_longer_act() {
        long approver = org.member(Role.APPROVER);
        var member = caller.as(admin, () -> members.get(approver));
        caller.run(admin, () -> members.setActive(approver, false, member.version()));
        assertThatThrownBy(() -> caller.run(approver, members::me))
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.reason()).isEqualTo("member_inactive"));
    }

    @Test
    void bad_member_input_names_the_field() {
        assertThatThrownBy(() -> caller.run(admin, () -> members.create(" ", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
        assertThatThrownBy(() -> caller.run(admin, () -> members.create("Al", "not-an-address", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"))
                .hasMessageContaining("is not an e-mail address");
        caller.run(admin, () -> members.create("Al", "al@nhs.example", null));
        assertThatThrownBy(() -> caller.run(admin, () -> members.create("Al Two", "AL@nhs.example", null)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> caller.run(admin, () -> members.grant(org.roleless(), null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("role"));
    }

    @Test
    void nobody_signed_in_is_refused() {
        caller.signOut();
        assertThatThrownBy(() -> members.me())
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.reason()).isEqualTo("not_signed_in"));
    }
}
