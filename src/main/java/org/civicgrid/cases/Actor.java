package org.civicgrid.cases;

import java.util.EnumSet;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;

/**
 * 操作人 — who takes an action: a signed-in staff member with their roles and department, or the system itself
 * (the overdue scan raising an automatic 督办).
 */
public record Actor(Long staffId, String name, Set<Role> roles, Long departmentId, boolean system) {

    public static Actor of(CurrentUser user) {
        return new Actor(user.staffId(), user.displayName(), user.roles(), user.departmentId().orElse(null), false);
    }

    public static Actor ofSystem() {
        return new Actor(null, "系统", EnumSet.noneOf(Role.class), null, true);
    }
}
