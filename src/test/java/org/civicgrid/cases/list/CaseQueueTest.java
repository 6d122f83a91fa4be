package org.civicgrid.cases.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.cases.CaseWorkflow;
import org.civicgrid.org.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The work queues are read from the transition table: each queue's role may take one of its actions in each of its stages. */
class CaseQueueTest {

    @ParameterizedTest
    @EnumSource(CaseQueue.class)
    void everyQueueHasStagesWhereItsRoleMayAct(CaseQueue queue) {
        assertFalse(queue.stages().isEmpty(), queue + " has stages");
        for (CaseStage stage : queue.stages()) {
            assertTrue(stage.isOpen(), queue + ": " + stage + " is open");
            assertTrue(CaseWorkflow.available(stage, Set.of(queue.role())).stream().anyMatch(t -> queue.actions().contains(t.action())),
                    queue + ": " + queue.role() + " may act in " + stage);
        }
    }

    @Test
    void stagesFollowTheTable() {
        assertEquals(List.of(CaseStage.FILED), CaseQueue.TO_DISPATCH.stages());
        assertEquals(List.of(CaseStage.RETURN_REQUESTED, CaseStage.EXTENSION_REQUESTED, CaseStage.SUSPEND_REQUESTED),
                CaseQueue.REQUESTS.stages());
        assertEquals(List.of(CaseStage.CONFIRMING, CaseStage.CHECKING), CaseQueue.TASKS.stages());
        assertEquals(List.of(CaseStage.DISPATCHED, CaseStage.HANDLING), CaseQueue.DUE_SOON.stages());
        assertEquals(EnumSet.allOf(CaseStage.class).stream().filter(CaseStage::isOpen).toList(), CaseQueue.OVERDUE.stages());
        assertEquals(List.of(CaseStage.NOT_CONFIRMED), CaseQueue.TO_DECIDE.stages(), "核实不属实 waits for the shift lead's decision");
        assertEquals(List.of(CaseStage.REPORTED, CaseStage.NOT_CONFIRMED), CaseQueue.NEW_REPORTS.stages());
        assertEquals(CaseWorkflow.DEPARTMENT_STAGES.stream().sorted().toList(), CaseQueue.TO_REPLY.stages());
        assertEquals(List.of(CaseStage.EXTENSION_REQUESTED), CaseQueue.EXTENSIONS.stages());
    }

    @Test
    void everyCaseRoleHasAQueueAndTheAdminNone() {
        for (Role role : Role.values()) {
            assertEquals(role != Role.ADMIN, !CaseQueue.of(Set.of(role)).isEmpty(), role.name());
        }
        assertEquals(List.of(CaseQueue.TO_FILE, CaseQueue.TO_CLOSE, CaseQueue.TO_DECIDE, CaseQueue.CENTRE_URGED, CaseQueue.TO_DISCARD,
                CaseQueue.TO_DISPATCH, CaseQueue.REQUESTS, CaseQueue.SUSPENDED), CaseQueue.of(Set.of(Role.SHIFT_LEAD, Role.DISPATCHER)));
    }
}
