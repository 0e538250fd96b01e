package org.noticeboard.testing;

import org.jspecify.annotations.Nullable;
import org.noticeboard.access.Role;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.member.MemberService;
import org.springframework.stereotype.Component;

/** More departments and members for an organisation of {@link World}, made by its organisation admin. */
@Component
public class Staffing {

    private final TestCaller caller;
    private final DepartmentService departments;
    private final MemberService members;

    public Staffing(TestCaller caller, DepartmentService departments, MemberService members) {
        this.caller = caller;
        this.departments = departments;
        this.members = members;
    }

    public long department(World.Org org, String name) {
        return caller.as(org.member(Role.ORG_ADMIN), () -> departments.create(name)).id();
    }

    /**
     * A member whose own department is {@code ownDepartment}, holding {@code role} for
     * {@code grantDepartment} (across the organisation when null), or no role when {@code role} is null.
     */
    public long member(World.Org org, String name, @Nullable Long ownDepartment, @Nullable Role role,
            @Nullable Long grantDepartment) {
        long admin = org.member(Role.ORG_ADMIN);
        long id = caller.as(admin, () -> members.create(name, null, ownDepartment)).id();
        if (role != null) {
            caller.run(admin, () -> members.grant(id, role, grantDepartment));
        }
        return id;
    }
}
