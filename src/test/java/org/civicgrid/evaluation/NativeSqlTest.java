package org.civicgrid.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The translation of the {@link Indicator} conditions (HQL) to the pass's plain SQL, by name. */
class NativeSqlTest {

    @Test
    void fieldsAndEntitiesBecomeColumnsAndTables() {
        assertEquals("select c.street_code from case_transition t join case_file c on c.id = t.case_id where t.at <= t.stage_due_at"
                        + " and exists (select 1 from case_transition r where r.case_id = t.case_id and r.seq > t.seq)",
                NativeSql.of("select c.streetCode from CaseTransition t join CaseFile c on c.id = t.caseId where t.at <= t.stageDueAt"
                        + " and exists (select 1 from CaseTransition r where r.caseId = t.caseId and r.seq > t.seq)"));
        assertEquals("x.closedAt <= x.due and f.last_at < :to and dt.department_id = 1 and t.action = 'approveReturn'",
                NativeSql.of("x.closedAt <= x.due and f.lastAt < :to and dt.departmentId = 1 and t.action = 'approveReturn'"),
                "the derived table x keeps its names; quoted actions stay as they are");
        assertThrows(IllegalStateException.class, () -> NativeSql.of("select a from AlertMessage a join CaseFile c"));
    }

    @Test
    void noConditionKeepsAnEntityField() {
        Pattern camel = Pattern.compile("\\b(t|c|r|d|dt|f)\\.[a-z]+[A-Z]");
        for (Indicator i : Indicator.values()) {
            if (i.condition() != null) {
                assertFalse(camel.matcher(NativeSql.of(i.condition())).find(), i + ": " + NativeSql.of(i.condition()));
            }
        }
        for (String perCase : DueCounts.PER_CASE) {
            assertFalse(camel.matcher(NativeSql.of(perCase)).find(), NativeSql.of(perCase));
        }
    }
}
