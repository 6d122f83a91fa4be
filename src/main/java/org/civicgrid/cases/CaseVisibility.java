package org.civicgrid.cases;

import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;

/** 案卷可见范围 — a department user without other duties sees only the cases dispatched to their department. */
public final class CaseVisibility {

    private CaseVisibility() {
    }

    public static boolean onlyOwnDepartment(CurrentUser user) {
        return user.has(Role.DEPARTMENT) && user.roles().size() == 1;
    }

    /** The department a list is limited to for this user, or null for every case. */
    public static Long ownDepartmentOrNull(CurrentUser user) {
        return onlyOwnDepartment(user) ? user.departmentId().orElse(-1L) : null;
    }

    /** The rule itself: everything for the centre's roles, a pure department user only their department's cases. */
    public static boolean mayView(CaseFile c, CurrentUser user) {
        return !onlyOwnDepartment(user) || (c.departmentId != null && c.departmentId.equals(user.departmentId().orElse(null)));
    }

    /** Refuses (403) a case, or anything of it — history, attachments, duplicates, print — the user may not see. */
    public static void check(CaseFile c, CurrentUser user) {
        if (!mayView(c, user)) {
            throw new Problem(403, "forbidden", null, "case " + c.number + " is not dispatched to your department");
        }
    }

    public static CaseFile find(long id) {
        return CaseFile.<CaseFile>findByIdOptional(id).orElseThrow(() -> Problem.notFound("case " + id));
    }
}
