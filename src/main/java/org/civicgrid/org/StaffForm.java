package org.civicgrid.org;

import java.util.Set;

/**
 * 人员表单 — what an admin submits to create or change a staff account. {@code password} is required on create
 * and ignored on update (passwords change through their own action).
 */
public record StaffForm(String username, String displayName, String phone, Long departmentId, Set<Role> roles,
        Boolean active, String password) {
}
