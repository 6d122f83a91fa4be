package org.civicgrid.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.org.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Walks the one transition table: exits, reachability, roles — and holds it against DOMAIN.md's roles by hand. */
class CaseWorkflowTest {

    @ParameterizedTest
    @EnumSource(CaseStage.class)
    void everyOpenStageHasAnExitAndEndedStagesOnlyReopen(CaseStage stage) {
        Set<CaseAction> exits = CaseWorkflow.TABLE.stream().filter(t -> t.from() == stage && t.to() != stage).map(Transition::action)
                .collect(Collectors.toSet());
        if (stage.isOpen()) {
            assertFalse(exits.isEmpty(), stage + " needs an exit");
        } else {
            assertEquals(stage == CaseStage.CLOSED ? Set.of(CaseAction.REOPEN) : Set.of(), exits,
                    stage + ": a closed case can only be reopened, a discarded one stays discarded");
        }
    }

    @Test
    void theCorrectionPathsAreRowsOfTheTable() {
        assertEquals(CaseStage.NOT_CONFIRMED, CaseWorkflow.find(CaseStage.CONFIRMING, CaseAction.CONFIRM_NOT_FOUND).orElseThrow().to(),
                "核实不属实 goes to the decision queue, not straight to DISCARDED");
        assertEquals(CaseStage.DISCARDED, CaseWorkflow.find(CaseStage.NOT_CONFIRMED, CaseAction.DECLINE).orElseThrow().to());
        assertEquals(CaseStage.PENDING_FILING, CaseWorkflow.find(CaseStage.FILED, CaseAction.SEND_BACK).orElseThrow().to());
        assertEquals(CaseStage.PENDING_FILING, CaseWorkflow.find(CaseStage.PENDING_FILING, CaseAction.RECLASSIFY).orElseThrow().to());
        assertEquals(CaseStage.DISCARDED, CaseWorkflow.find(CaseStage.FILED, CaseAction.DISCARD).orElseThrow().to());
        assertFalse(CaseWorkflow.find(CaseStage.DISPATCHED, CaseAction.DISCARD).isPresent(), "no 作废 after 派遣");
        assertEquals(CaseStage.HANDLING, CaseWorkflow.find(CaseStage.CLOSED, CaseAction.REOPEN).orElseThrow().to());
        for (CaseStage stage : CaseWorkflow.DEPARTMENT_STAGES) {
            assertEquals(stage, CaseWorkflow.find(stage, CaseAction.REPLY_URGE).orElseThrow().to());
        }
    }

    @ParameterizedTest
    @EnumSource(CaseAction.class)
    void everyActionAppearsAndHasAnAuthorisedRole(CaseAction action) {
        var rows = CaseWorkflow.TABLE.stream().filter(t -> t.action() == action).toList();
        assertFalse(rows.isEmpty(), action + " is in the table");
        rows.forEach(t -> assertFalse(t.actors().isEmpty(), t + " has a role"));
    }

    @Test
    void everyStageIsReachableFromReportedAndEveryCaseCanEnd() {
        Set<CaseStage> seen = EnumSet.of(CaseStage.REPORTED);
        Deque<CaseStage> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            CaseStage from = todo.pop();
            CaseWorkflow.TABLE.stream().filter(t -> t.from() == from).map(Transition::to).filter(seen::add).forEach(todo::push);
        }
        assertEquals(EnumSet.allOf(CaseStage.class), seen);
        for (CaseStage stage : CaseStage.values()) {
            assertTrue(canReach(stage, CaseStage.CLOSED) || canReach(stage, CaseStage.DISCARDED) || !stage.isOpen(), stage + " can end");
        }
    }

    @Test
    void theTableIsAFunctionOfStageAndAction() {
        Set<String> keys = new HashSet<>();
        CaseWorkflow.TABLE.forEach(t -> assertTrue(keys.add(t.from() + "/" + t.action()), "one row per stage and action: " + t));
    }

    @Test
    void urgeKeepsTheStageEverywhereItIsAllowed() {
        for (CaseStage stage : CaseStage.values()) {
            var urge = CaseWorkflow.find(stage, CaseAction.URGE);
            assertEquals(stage.isOpen(), urge.isPresent(), stage.toString());
            urge.ifPresent(t -> assertEquals(stage, t.to()));
        }
    }

    /** DOMAIN.md §1/§3, written out by hand: who may take each action. The table must agree. */
    private static final Map<CaseAction, Set<Role>> WHO = Map.ofEntries(
            Map.entry(CaseAction.SEND_TO_CONFIRM, Set.of(Role.ACCEPTOR)), Map.entry(CaseAction.ACCEPT, Set.of(Role.ACCEPTOR)),
            Map.entry(CaseAction.SEND_TO_CHECK, Set.of(Role.ACCEPTOR)),
            Map.entry(CaseAction.CONFIRM, Set.of(Role.INSPECTOR)), Map.entry(CaseAction.CONFIRM_NOT_FOUND, Set.of(Role.INSPECTOR)),
            Map.entry(CaseAction.DECLINE, Set.of(Role.ACCEPTOR, Role.SHIFT_LEAD)),
            Map.entry(CaseAction.RECLASSIFY, Set.of(Role.SHIFT_LEAD)), Map.entry(CaseAction.SEND_BACK, Set.of(Role.DISPATCHER)),
            Map.entry(CaseAction.REOPEN, Set.of(Role.SHIFT_LEAD, Role.LEADER)), Map.entry(CaseAction.REPLY_URGE, Set.of(Role.DEPARTMENT)),
            Map.entry(CaseAction.VERIFY, Set.of(Role.INSPECTOR)), Map.entry(CaseAction.REWORK, Set.of(Role.INSPECTOR)),
            Map.entry(CaseAction.SELF_HANDLE, Set.of(Role.INSPECTOR)),
            Map.entry(CaseAction.FILE, Set.of(Role.SHIFT_LEAD)), Map.entry(CaseAction.DISCARD, Set.of(Role.SHIFT_LEAD)),
            Map.entry(CaseAction.CLOSE, Set.of(Role.SHIFT_LEAD)),
            Map.entry(CaseAction.MERGE_DUPLICATE, Set.of(Role.ACCEPTOR, Role.SHIFT_LEAD)),
            Map.entry(CaseAction.DISPATCH, Set.of(Role.DISPATCHER)), Map.entry(CaseAction.APPROVE_RETURN, Set.of(Role.DISPATCHER)),
            Map.entry(CaseAction.REJECT_RETURN, Set.of(Role.DISPATCHER)), Map.entry(CaseAction.APPROVE_EXTENSION, Set.of(Role.DISPATCHER, Role.LEADER)),
            Map.entry(CaseAction.REJECT_EXTENSION, Set.of(Role.DISPATCHER, Role.LEADER)), Map.entry(CaseAction.APPROVE_SUSPEND, Set.of(Role.DISPATCHER)),
            Map.entry(CaseAction.REJECT_SUSPEND, Set.of(Role.DISPATCHER)), Map.entry(CaseAction.RESUME, Set.of(Role.DISPATCHER)),
            Map.entry(CaseAction.SIGN_FOR, Set.of(Role.DEPARTMENT)), Map.entry(CaseAction.REQUEST_RETURN, Set.of(Role.DEPARTMENT)),
            Map.entry(CaseAction.REQUEST_EXTENSION, Set.of(Role.DEPARTMENT)), Map.entry(CaseAction.REQUEST_SUSPEND, Set.of(Role.DEPARTMENT)),
            Map.entry(CaseAction.REPORT_HANDLED, Set.of(Role.DEPARTMENT)),
            Map.entry(CaseAction.URGE, Set.of(Role.SHIFT_LEAD, Role.LEADER)),
            Map.entry(CaseAction.RELOCATE, Set.of(Role.ACCEPTOR, Role.SHIFT_LEAD, Role.DISPATCHER)));

    @ParameterizedTest
    @EnumSource(Role.class)
    void authorisationMatrixEveryRoleOnEveryAction(Role role) {
        Set<Role> held = EnumSet.of(role);
        assertEquals(EnumSet.allOf(CaseAction.class), WHO.keySet().stream().collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseAction.class))),
                "the hand-written matrix covers every action");
        for (CaseAction action : CaseAction.values()) {
            boolean expected = WHO.get(action).contains(role);
            assertEquals(expected, CaseWorkflow.mayEverTake(action, held), role + " on " + action);
            for (Transition t : CaseWorkflow.TABLE.stream().filter(t -> t.action() == action).toList()) {
                assertEquals(expected, t.allows(held), role + " on " + t);
            }
        }
        assertTrue(CaseWorkflow.TABLE.stream().noneMatch(t -> t.allows(EnumSet.of(Role.ADMIN))), "admins administer, they do not work cases");
    }

    @Test
    void apiNamesAreUniqueAndRoundTrip() {
        for (CaseAction action : CaseAction.values()) {
            assertEquals(action, CaseAction.ofApiName(action.apiName()).orElseThrow());
        }
    }

    private static boolean canReach(CaseStage from, CaseStage target) {
        Set<CaseStage> seen = EnumSet.of(from);
        Deque<CaseStage> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            CaseStage s = todo.pop();
            if (s == target) {
                return true;
            }
            CaseWorkflow.TABLE.stream().filter(t -> t.from() == s).map(Transition::to).filter(seen::add).forEach(todo::push);
        }
        return false;
    }
}
