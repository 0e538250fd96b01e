package org.noticeboard.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.member.MemberService;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class OfficialAccountServiceTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired OfficialAccountService accounts;
    @Autowired DepartmentService departments;
    @Autowired MemberService members;

    World.Org org;
    long accountAdmin;

    @BeforeEach
    void setUp() {
        org = world.organisation("Accounts Trust");
        accountAdmin = org.member(Role.ACCOUNT_ADMIN);
    }

    @Test
    void an_account_admin_registers_an_account_with_or_without_the_at() {
        var account = caller.as(accountAdmin, () -> accounts.register(" @NShire_Physio ", "Physio", org.department().id()));
        assertThat(account.handle().value()).isEqualTo("NShire_Physio");
        assertThat(account.handle().toString()).isEqualTo("@NShire_Physio");
        assertThat(account.departmentName()).isEqualTo("Physiotherapy");
        assertThat(account.connectionState()).isEqualTo(ConnectionState.NOT_CONNECTED);
        assertThat(caller.as(org.member(Role.STAFF), accounts::list)).extracting(OfficialAccount::id).contains(account.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@", "north shire", "north-shire", "north.shire", "abcdefghijklmnop", "nörth", "@@north"})
    void malformed_handles_are_refused_with_a_reason(String handle) {
        assertThatThrownBy(() -> caller.run(accountAdmin, () -> accounts.register(handle, "Name", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("handle"))
                .hasMessageMatching(".*(X handle|15).*");
    }

    @Test
    void the_same_handle_twice_is_refused_in_any_case() {
        caller.run(accountAdmin, () -> accounts.register("ValleyPhysio", "Valley Physio", null));
        assertThatThrownBy(() -> caller.run(accountAdmin, () -> accounts.register("@valleyphysio", "Again", null)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("@ValleyPhysio is already registered as \"Valley Physio\".");
    }

    @Test
    void a_departmental_account_admin_manages_only_their_departments_accounts() {
        long admin = org.member(Role.ORG_ADMIN);
        var estates = caller.as(admin, () -> departments.create("Estates"));
        var member = caller.as(admin, () -> members.create("Dee Partment", null, estates.id()));
        caller.run(admin, () -> members.grant(member.id(), Role.ACCOUNT_ADMIN, estates.id()));

        var own = caller.as(member.id(), () -> accounts.register("EstatesTeam", "Estates", estates.id()));
        assertThat(own.departmentName()).isEqualTo("Estates");
        assertThatThrownBy(() -> caller.run(member.id(), () -> accounts.register("PhysioTeam", "Physio", org.department().id())))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> caller.run(member.id(), () -> accounts.register("Whole", "Whole org", null)))
                .isInstanceOf(NotPermittedException.class);
        var physio = org.account();
        assertThatThrownBy(() -> caller.run(member.id(),
                () -> accounts.update(physio.id(), "Taken", "Taken", estates.id(), physio.version())))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void an_account_is_updated_and_removed_with_its_version() {
        var account = caller.as(accountAdmin, () -> accounts.register("OldName", "Old", null));
        var updated = caller.as(accountAdmin,
                () -> accounts.update(account.id(), "NewName", "New", org.department().id(), account.version()));
        assertThat(updated.handle().value()).isEqualTo("NewName");
        assertThatThrownBy(() -> caller.run(accountAdmin, () -> accounts.remove(account.id(), account.version())))
                .isInstanceOf(ConflictException.class);
        caller.run(accountAdmin, () -> accounts.remove(updated.id(), updated.version()));
        assertThat(caller.as(accountAdmin, accounts::list)).extracting(OfficialAccount::id).doesNotContain(updated.id());
    }

    @Test
    void staff_cannot_register_accounts() {
        assertThatThrownBy(() -> caller.run(org.member(Role.STAFF), () -> accounts.register("Mine", "Mine", null)))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("This needs the Account admin role.");
    }
}
