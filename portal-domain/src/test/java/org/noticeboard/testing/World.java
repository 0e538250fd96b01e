package org.noticeboard.testing;

import static org.noticeboard.db.jooq.Tables.MEMBER;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.noticeboard.access.Access;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.department.Department;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.member.Member;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.Organisation;
import org.noticeboard.organisation.Tenants;
import org.springframework.stereotype.Component;

/**
 * Builds organisations for tests: each with a department, an official account, one member per
 * role (holding it across the organisation) and a member with no role at all.
 */
@Component
public class World {

    public record Org(Organisation organisation, Department department, OfficialAccount account,
            Map<Role, Long> members, long roleless) {

        public long member(Role role) {
            return members.get(role);
        }
    }

    private final Tenants tenants;
    private final Access access;
    private final DepartmentService departments;
    private final MemberService memberService;
    private final OfficialAccountService accounts;
    private final DSLContext db;

    public World(Tenants tenants, Access access, DepartmentService departments, MemberService memberService,
            OfficialAccountService accounts, DSLContext db) {
        this.tenants = tenants;
        this.access = access;
        this.departments = departments;
        this.memberService = memberService;
        this.accounts = accounts;
        this.db = db;
    }

    public Org organisation(String name) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Organisation organisation = tenants.create(slug, name);
        return access.asSystem(organisation.id(), "test set-up", () -> {
            Department department = departments.create("Physiotherapy");
            OfficialAccount account = accounts.register(slug.replace("-", "_"), name, department.id());
            var members = new EnumMap<Role, Long>(Role.class);
            for (Role role : Role.values()) {
                Member member = memberService.create(role.label() + " of " + name, null, department.id());
                memberService.grant(member.id(), role, null);
                members.put(role, member.id());
            }
            long roleless = memberService.create("No role at " + name, null, null).id();
            return new Org(organisation, department, account, members, roleless);
        });
    }

    public int memberCount() {
        return db.fetchCount(MEMBER);
    }
}
