package org.civicgrid.org;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/** 组织视图 — the JSON shapes of regions, departments and staff (a staff view never carries the password hash). */
public final class OrgViews {

    private OrgViews() {
    }

    /** A region as the API shows it. */
    public record RegionView(String code, String name, RegionLevel level, String parentCode) {
        static RegionView of(Region r) {
            return new RegionView(r.code, r.name, r.level, r.parentCode);
        }
    }

    /** A department as the API shows it. */
    public record DepartmentView(Long id, String code, String name, DepartmentKind kind, String phone, boolean active,
            Set<String> classCodes, Set<String> areaCodes) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.id, d.code, d.name, d.kind, d.phone, d.active, new TreeSet<>(d.classCodes), new TreeSet<>(d.areaCodes));
        }
    }

    /** A staff account as the API shows it. */
    public record StaffView(Long id, String username, String displayName, String phone, Long departmentId, Set<Role> roles,
            boolean active, boolean demo, Instant createdAt, Instant passwordChangedAt) {
        static StaffView of(Staff s) {
            return new StaffView(s.id, s.username, s.displayName, s.phone, s.departmentId, EnumSet.copyOf(s.roles), s.active, s.demo,
                    s.createdAt, s.passwordChangedAt);
        }
    }

    /** Body of a password reset by an admin. */
    public record PasswordReset(String password) {
    }

    /** Body of a user's own password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** Body of a new region. */
    public record RegionForm(String code, String name) {
    }
}
