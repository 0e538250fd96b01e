package org.noticeboard.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class DepartmentServiceTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired DepartmentService departments;

    World.Org org;
    long admin;

    @BeforeEach
    void setUp() {
        org = world.organisation("Dept Trust");
        admin = org.member(Role.ORG_ADMIN);
    }

    @Test
    void an_admin_creates_renames_and_deletes_a_department() {
        var created = caller.as(admin, () -> departments.create("  Older   People's Rehabilitation "));
        assertThat(created.name()).isEqualTo("Older People's Rehabilitation");
        var renamed = caller.as(admin, () -> departments.rename(created.id(), "Older People's Rehab", created.version()));
        assertThat(renamed.name()).isEqualTo("Older People's Rehab");
        assertThat(renamed.version()).isEqualTo(created.version() + 1);
        caller.run(admin, () -> departments.delete(renamed.id(), renamed.version()));
        assertThat(caller.as(admin, departments::list)).extracting(Department::name).doesNotContain("Older People's Rehab");
    }

    @Test
    void empty_names_are_refused_with_the_field() {
        assertThatThrownBy(() -> caller.run(admin, () -> departments.create("   ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.reason()).isEqualTo("blank");
                })
                .hasMessage("The department's name must not be empty.");
        assertThatThrownBy(() -> caller.run(admin, () -> departments.create("x".repeat(121))))
                .hasMessageContaining("at most 120");
    }

    @Test
    void duplicate_names_are_refused_whatever_their_case() {
        assertThatThrownBy(() -> caller.run(admin, () -> departments.create("PHYSIOTHERAPY")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo("duplicate"))
                .hasMessage("A department called \"Physiotherapy\" already exists.");
        var other = caller.as(admin, () -> departments.create("Estates"));
        assertThatThrownBy(() -> caller.run(admin, () -> departments.rename(other.id(), "physiotherapy", other.version())))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_stale_version_is_refused_and_nothing_changes() {
        var created = caller.as(admin, () -> departments.create("Estates"));
        caller.run(admin, () -> departments.rename(created.id(), "Estates and Facilities", created.version()));
        assertThatThrownBy(() -> caller.run(admin, () -> departments.rename(created.id(), "Facilities", created.version())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo("changed_meanwhile"));
        assertThat(caller.as(admin, () -> departments.get(created.id())).name()).isEqualTo("Estates and Facilities");
    }

    @Test
    void a_department_in_use_cannot_be_deleted() {
        var dept = org.department();
        assertThatThrownBy(() -> caller.run(admin, () -> departments.delete(dept.id(), dept.version())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo("department_in_use"))
                .hasMessageContaining("member(s)");
    }

    @Test
    void only_organisation_admins_change_departments_but_every_member_reads_them() {
        for (Role role : Role.values()) {
            if (role == Role.ORG_ADMIN) {
                continue;
            }
            assertThatThrownBy(() -> caller.run(org.member(role), () -> departments.create("Estates " + role)))
                    .isInstanceOf(NotPermittedException.class)
                    .hasMessage("This needs the Organisation admin role.");
            assertThat(caller.as(org.member(role), departments::list)).isNotEmpty();
        }
    }
}
