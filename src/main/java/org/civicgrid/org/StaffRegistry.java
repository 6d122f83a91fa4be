package org.civicgrid.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.regex.Pattern;
import org.civicgrid.web.Problem;

/**
 * 人员管理 — creates staff accounts, changes their roles and department, sets passwords; the one place these
 * rules live (a department user belongs to an active department; the last active admin cannot be removed).
 */
@ApplicationScoped
public class StaffRegistry {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

    private final Passwords passwords;
    private final Clock clock;
    private final Event<StaffChanged> changed;

    StaffRegistry(Passwords passwords, Clock clock, Event<StaffChanged> changed) {
        this.passwords = passwords;
        this.clock = clock;
        this.changed = changed;
    }

    @Transactional
    public Staff create(StaffForm form) {
        return create(form, false);
    }

    /** Creates an account; {@code demo} accounts may sign in only in demo mode. */
    @Transactional
    public Staff create(StaffForm form, boolean demo) {
        String username = Staff.normaliseUsername(DepartmentRegistry.required("username", form.username()));
        if (!USERNAME.matcher(username).matches()) {
            throw Problem.badRequest("username", "use 2–32 lower-case letters, digits, '.', '-' or '_'");
        }
        if (Staff.byUsername(username).isPresent()) {
            throw Problem.conflict("duplicate", "user '" + username + "' exists");
        }
        if (!demo) { // demo accounts share the documented demo password and sign in only in demo mode (security.SignIn)
            passwords.checkPolicy("password", form.password(), username, form.displayName());
        }
        Staff staff = new Staff();
        staff.username = username;
        staff.demo = demo;
        staff.createdAt = clock.instant();
        apply(staff, form);
        setPassword(staff, form.password());
        staff.persist();
        changed.fire(new StaffChanged(username));
        return staff;
    }

    @Transactional
    public Staff update(long id, StaffForm form) {
        Staff staff = find(id);
        boolean wasAdmin = staff.active && staff.has(Role.ADMIN);
        apply(staff, form);
        // counted after this change is written (in this transaction): the admins that remain — none left is refused
        Staff.flush();
        if (wasAdmin && !(staff.active && staff.has(Role.ADMIN)) && Staff.countWithRole(Role.ADMIN) == 0) {
            throw Problem.conflict("last_admin", "this is the last active admin: give another account the ADMIN role first");
        }
        changed.fire(new StaffChanged(staff.username));
        return staff;
    }

    /** An admin sets a new password for someone (e.g. forgotten password). */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        Staff staff = find(id);
        passwords.checkPolicy("password", newPassword, staff.username, staff.displayName);
        setPassword(staff, newPassword);
    }

    /** A user changes their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        Staff staff = Staff.byUsername(username).orElseThrow(() -> Problem.notFound("user " + username));
        if (!passwords.matches(currentPassword == null ? "" : currentPassword, staff.passwordHash)) {
            throw Problem.badRequest("currentPassword", "the current password is wrong");
        }
        passwords.checkPolicy("newPassword", newPassword, staff.username, staff.displayName, currentPassword);
        setPassword(staff, newPassword);
        staff.demo = false;
    }

    private void apply(Staff staff, StaffForm form) {
        staff.displayName = DepartmentRegistry.required("displayName", form.displayName());
        staff.phone = DepartmentRegistry.blankToNull(form.phone());
        staff.active = form.active() == null || form.active();
        if (form.roles() == null || form.roles().isEmpty()) {
            throw Problem.badRequest("roles", "give the account at least one role");
        }
        staff.roles.clear();
        staff.roles.addAll(EnumSet.copyOf(form.roles()));
        staff.departmentId = department(form);
    }

    private static Long department(StaffForm form) {
        if (form.departmentId() == null) {
            if (form.roles().contains(Role.DEPARTMENT)) {
                throw Problem.badRequest("departmentId", "a department user needs a department");
            }
            return null;
        }
        Department department = Department.<Department>findByIdOptional(form.departmentId())
                .orElseThrow(() -> Problem.badRequest("departmentId", "no department with id " + form.departmentId()));
        if (!department.active) {
            throw Problem.badRequest("departmentId", "department '" + department.name + "' is inactive");
        }
        return department.id;
    }

    private void setPassword(Staff staff, String clearText) {
        staff.passwordHash = passwords.hash(clearText);
        staff.passwordChangedAt = clock.instant();
        changed.fire(new StaffChanged(staff.username));
    }

    private static Staff find(long id) {
        return Staff.<Staff>findByIdOptional(id).orElseThrow(() -> Problem.notFound("staff " + id));
    }
}
