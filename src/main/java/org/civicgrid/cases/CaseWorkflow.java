package org.civicgrid.cases;

import static org.civicgrid.cases.CaseAction.*;
import static org.civicgrid.cases.CaseStage.*;
import static org.civicgrid.org.Role.ACCEPTOR;
import static org.civicgrid.org.Role.DEPARTMENT;
import static org.civicgrid.org.Role.DISPATCHER;
import static org.civicgrid.org.Role.INSPECTOR;
import static org.civicgrid.org.Role.LEADER;
import static org.civicgrid.org.Role.SHIFT_LEAD;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.civicgrid.org.Role;

/**
 * 案卷流程 — THE transition table of the case loop (CJJ/T 106, GB/T 30428; DOMAIN.md §3). It is the only place a
 * stage change is defined; the API, the UI and the workbenches render what it allows.
 *
 * <pre>
 * REPORTED ─sendToConfirm(受理员)→ CONFIRMING ─confirm(监督员)→ PENDING_FILING ─file(值班长)→ FILED
 *    │                                 └─confirmNotFound(监督员)→ NOT_CONFIRMED ─decline(受理员/值班长, 不予立案)→ DISCARDED
 *    │                                                       ├─accept(受理员)→ PENDING_FILING
 *    │                                                       └─sendToConfirm(受理员)→ CONFIRMING
 *    ├─accept(受理员)→ PENDING_FILING        REPORTED/PENDING_FILING/FILED ─discard(值班长, reason)→ DISCARDED
 *    │                                       REPORTED/PENDING_FILING ─mergeDuplicate(重复上报)→ DISCARDED
 *    └─selfHandle(监督员, own report, after-photo)→ PENDING_CLOSE
 * PENDING_FILING ─reclassify(值班长, 改类)→ PENDING_FILING
 * FILED ─sendBack(派遣员, 退回重审 + reason)→ PENDING_FILING
 * FILED ─dispatch(派遣员)→ DISPATCHED ─signFor(部门)→ HANDLING ─reportHandled(部门)→ PENDING_CHECK
 * DISPATCHED/HANDLING ─requestReturn(部门)→ RETURN_REQUESTED ─approveReturn(派遣员)→ FILED │ rejectReturn→ HANDLING
 * HANDLING ─requestExtension(bounded)→ EXTENSION_REQUESTED ─approveExtension│rejectExtension(派遣员; 领导 past the
 *                                                           threshold)→ HANDLING (deadline moved or not)
 * HANDLING ─requestSuspend→ SUSPEND_REQUESTED ─approveSuspend→ SUSPENDED (clock paused) ─resume(派遣员)→ HANDLING
 *                                            └─rejectSuspend→ HANDLING
 * PENDING_CHECK ─sendToCheck(受理员)→ CHECKING ─verify(监督员)→ PENDING_CLOSE ─close(值班长)→ CLOSED
 *                                        └─rework(监督员)→ HANDLING (返工, same department)
 * CLOSED ─reopen(值班长/领导, 重新开启 + reason)→ HANDLING (same department, history kept)
 * any open stage ─urge(值班长/领导, 督办单)→ same stage; department stages ─replyUrge(部门, 督办回复)→ same stage
 * REPORTED/CONFIRMING/PENDING_FILING/FILED ─relocate(受理员, 值班长, 派遣员)→ same stage, position and grid corrected
 * </pre>
 * Conditions on the case itself (a 督办 waiting for a reply, 领导 for an extension past the threshold, an
 * after-photo for 自处理, a department to reopen to) are {@link ActionGuards}; stage and role are this table.
 */
public final class CaseWorkflow {

    /** The stages in which a case lies with its department (it answers 督办 there). */
    public static final List<CaseStage> DEPARTMENT_STAGES = List.of(DISPATCHED, HANDLING, RETURN_REQUESTED, EXTENSION_REQUESTED,
            SUSPEND_REQUESTED, SUSPENDED);

    /** The table. Order matters only for display. */
    public static final List<Transition> TABLE = List.copyOf(build());

    /**
     * What the system itself may do (no role): raise an automatic 督办 when a case is overdue, and 受理/立案 a case an
     * alert rule set to auto-file (camera and drone alerts). Nothing else happens without a person.
     */
    public static final Set<CaseAction> SYSTEM_ACTIONS = Set.of(URGE, ACCEPT, FILE);

    private CaseWorkflow() {
    }

    private static List<Transition> build() {
        List<Transition> t = new ArrayList<>();
        t.add(new Transition(REPORTED, SEND_TO_CONFIRM, CONFIRMING, Set.of(ACCEPTOR)));
        t.add(new Transition(CONFIRMING, CONFIRM, PENDING_FILING, Set.of(INSPECTOR)));
        t.add(new Transition(CONFIRMING, CONFIRM_NOT_FOUND, NOT_CONFIRMED, Set.of(INSPECTOR)));
        t.add(new Transition(NOT_CONFIRMED, DECLINE, DISCARDED, Set.of(ACCEPTOR, SHIFT_LEAD)));
        t.add(new Transition(NOT_CONFIRMED, ACCEPT, PENDING_FILING, Set.of(ACCEPTOR)));
        t.add(new Transition(NOT_CONFIRMED, SEND_TO_CONFIRM, CONFIRMING, Set.of(ACCEPTOR)));
        t.add(new Transition(REPORTED, ACCEPT, PENDING_FILING, Set.of(ACCEPTOR)));
        t.add(new Transition(REPORTED, SELF_HANDLE, PENDING_CLOSE, Set.of(INSPECTOR)));
        for (CaseStage before : List.of(REPORTED, PENDING_FILING)) {
            t.add(new Transition(before, MERGE_DUPLICATE, DISCARDED, Set.of(ACCEPTOR, SHIFT_LEAD)));
        }
        for (CaseStage before : List.of(REPORTED, PENDING_FILING, FILED)) {
            t.add(new Transition(before, DISCARD, DISCARDED, Set.of(SHIFT_LEAD)));
        }
        t.add(new Transition(PENDING_FILING, RECLASSIFY, PENDING_FILING, Set.of(SHIFT_LEAD)));
        t.add(new Transition(PENDING_FILING, FILE, FILED, Set.of(SHIFT_LEAD)));
        t.add(new Transition(FILED, SEND_BACK, PENDING_FILING, Set.of(DISPATCHER)));
        t.add(new Transition(FILED, DISPATCH, DISPATCHED, Set.of(DISPATCHER)));
        t.add(new Transition(DISPATCHED, SIGN_FOR, HANDLING, Set.of(DEPARTMENT)));
        t.add(new Transition(DISPATCHED, REQUEST_RETURN, RETURN_REQUESTED, Set.of(DEPARTMENT)));
        t.add(new Transition(HANDLING, REQUEST_RETURN, RETURN_REQUESTED, Set.of(DEPARTMENT)));
        t.add(new Transition(RETURN_REQUESTED, APPROVE_RETURN, FILED, Set.of(DISPATCHER)));
        t.add(new Transition(RETURN_REQUESTED, REJECT_RETURN, HANDLING, Set.of(DISPATCHER)));
        t.add(new Transition(HANDLING, REQUEST_EXTENSION, EXTENSION_REQUESTED, Set.of(DEPARTMENT)));
        t.add(new Transition(EXTENSION_REQUESTED, APPROVE_EXTENSION, HANDLING, Set.of(DISPATCHER, LEADER)));
        t.add(new Transition(EXTENSION_REQUESTED, REJECT_EXTENSION, HANDLING, Set.of(DISPATCHER, LEADER)));
        t.add(new Transition(HANDLING, REQUEST_SUSPEND, SUSPEND_REQUESTED, Set.of(DEPARTMENT)));
        t.add(new Transition(SUSPEND_REQUESTED, APPROVE_SUSPEND, SUSPENDED, Set.of(DISPATCHER)));
        t.add(new Transition(SUSPEND_REQUESTED, REJECT_SUSPEND, HANDLING, Set.of(DISPATCHER)));
        t.add(new Transition(SUSPENDED, RESUME, HANDLING, Set.of(DISPATCHER)));
        t.add(new Transition(HANDLING, REPORT_HANDLED, PENDING_CHECK, Set.of(DEPARTMENT)));
        t.add(new Transition(PENDING_CHECK, SEND_TO_CHECK, CHECKING, Set.of(ACCEPTOR)));
        t.add(new Transition(CHECKING, VERIFY, PENDING_CLOSE, Set.of(INSPECTOR)));
        t.add(new Transition(CHECKING, REWORK, HANDLING, Set.of(INSPECTOR)));
        t.add(new Transition(PENDING_CLOSE, CLOSE, CLOSED, Set.of(SHIFT_LEAD)));
        t.add(new Transition(CLOSED, REOPEN, HANDLING, Set.of(SHIFT_LEAD, LEADER)));
        Arrays.stream(CaseStage.values()).filter(CaseStage::isOpen)
                .forEach(stage -> t.add(new Transition(stage, URGE, stage, Set.of(SHIFT_LEAD, LEADER))));
        DEPARTMENT_STAGES.forEach(stage -> t.add(new Transition(stage, REPLY_URGE, stage, Set.of(DEPARTMENT))));
        Stream.of(REPORTED, CONFIRMING, PENDING_FILING, FILED)
                .forEach(stage -> t.add(new Transition(stage, RELOCATE, stage, Set.of(ACCEPTOR, SHIFT_LEAD, DISPATCHER))));
        return t;
    }

    /** The transition of this action from this stage, if the table has one. */
    public static Optional<Transition> find(CaseStage from, CaseAction action) {
        return TABLE.stream().filter(t -> t.from() == from && t.action() == action).findFirst();
    }

    /** The transitions open to someone holding these roles from this stage. */
    public static List<Transition> available(CaseStage from, Set<Role> held) {
        return TABLE.stream().filter(t -> t.from() == from && t.allows(held)).toList();
    }

    /** Whether these roles may take the action from some stage (decides 403 versus 409 on a wrong stage). */
    public static boolean mayEverTake(CaseAction action, Set<Role> held) {
        return TABLE.stream().anyMatch(t -> t.action() == action && t.allows(held));
    }
}
