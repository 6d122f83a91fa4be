package org.civicgrid.cases;

import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;

/**
 * 操作前提 — the conditions on the case itself that the transition table cannot express: a 督办 must wait for a
 * reply before the department answers it; a 延期 past the threshold is decided by 领导, one within it by the
 * dispatcher; 自处理 needs the after-photo; only a case that had a department can be reopened to it. Checked by
 * {@link CaseActions} before an action and used by {@link CaseDetails} to offer only the actions that can succeed.
 */
final class ActionGuards {

    private ActionGuards() {
    }

    /** Why someone holding these roles cannot take this action on the case now, or null when nothing stands in the way. */
    static Problem refusal(CaseFile c, CaseAction action, Set<Role> held) {
        return switch (action) {
            case REPLY_URGE -> c.urged ? null : Problem.conflict("no_open_urge", "no 督办 of case " + c.number + " waits for a reply");
            case APPROVE_EXTENSION, REJECT_EXTENSION -> {
                Role decides = c.extensionNeedsLeader ? Role.LEADER : Role.DISPATCHER;
                yield held.contains(decides) ? null : new Problem(403, "forbidden", null, c.extensionNeedsLeader
                        ? "this 延期 is past the threshold: 领导 decides it" : "this 延期 is within the threshold: the dispatcher decides it");
            }
            case SELF_HANDLE -> CaseAttachment.hasAfterPhoto(c.id) ? null
                    : Problem.badRequest("afterPhoto", "自处理 needs the photo after the fix: upload it with phase AFTER first");
            case REOPEN -> c.departmentId != null ? null
                    : Problem.conflict("no_department", "case " + c.number + " was never handled by a department: report it anew");
            default -> null;
        };
    }

    /** Whether the refusal is about the case's state or the role (the form is hidden) rather than missing input. */
    static boolean hidesForm(Problem refusal) {
        return refusal != null && refusal.status() != 400;
    }
}
