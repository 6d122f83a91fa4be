package org.civicgrid.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicgrid.appliance.SiteSetting;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 考核时限补录: history written before V20 has no evaluation deadline; the backfill replays it from what the case keeps
 * and gives the same deadlines the live clock writes. Two cases in a year no other test uses (a Monday in its second
 * week), class 上水井盖 with 4工作时 (08:00–12:00, 14:00–18:00):
 * <pre>
 * P  派遣 Mon 09:00 → Mon 15:00; 延期 4工作时 approved 10:00 → Tue 09:00; 挂账 approved 11:00 (6 h left: Mon 11–12,
 *    14–18, Tue 08–09), 恢复 Wed 09:00 → Wed 17:00 (09–12, 14–17)
 * Q  派遣 Mon 09:00 → Mon 15:00
 * </pre>
 * Their deadlines are erased (as in a store from before V20), the backfill runs, and each row gets back what the
 * live clock wrote; a second run writes nothing.
 */
@QuarkusTest
class EvaluationBackfillTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EvaluationBackfill backfill;

    @AfterEach
    void release() {
        MutableClock.release();
    }

    @Test
    void replaysTheDeadlinesThePreV20HistoryLacks() throws Exception {
        int year = 2100 + new java.util.Random().nextInt(900);
        LocalDate monday = LocalDate.of(year, 1, 4).with(DayOfWeek.MONDAY).plusWeeks(1);
        long condition = Cases.conditionId("component:0101", "破损超过25");
        long shizheng = Cases.departmentId("shizheng");
        MutableClock.at(monday + "T09:00:00");
        long p = dispatched(condition, shizheng);
        long q = dispatched(condition, shizheng);
        Cases.act("shizheng", p, "signFor", Map.of()).statusCode(200);
        Cases.act("shizheng", p, "requestExtension", Map.of("note", "需采购配件", "extension", "4工作时")).statusCode(200);
        MutableClock.at(monday + "T10:00:00");
        Cases.act("dispatcher", p, "approveExtension", Map.of()).statusCode(200);
        Cases.act("shizheng", p, "requestSuspend", Map.of("note", "待道路施工结束")).statusCode(200);
        MutableClock.at(monday + "T11:00:00");
        Cases.act("dispatcher", p, "approveSuspend", Map.of()).statusCode(200);
        MutableClock.at(monday.plusDays(2) + "T09:00:00");
        Cases.act("dispatcher", p, "resume", Map.of()).statusCode(200);

        Map<String, Instant> liveP = deadlines(p);
        Map<String, Instant> liveQ = deadlines(q);
        assertEquals(at(monday + "T15:00"), liveP.get("dispatch"));
        assertEquals(at(monday.plusDays(1) + "T09:00"), liveP.get("approveExtension"));
        assertEquals(at(monday.plusDays(2) + "T17:00"), liveP.get("resume"), "the hand-worked deadline");
        assertEquals(at(monday + "T15:00"), liveQ.get("dispatch"));

        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("UPDATE case_transition SET due_at = NULL WHERE case_id IN (?, ?)")) {
            st.setLong(1, p);
            st.setLong(2, q);
            assertTrue(st.executeUpdate() >= 10);
        }
        assertNull(deadlines(p).get("dispatch"));

        assertTrue(backfill.run() >= 2, "P and Q");
        Map<String, Instant> filledP = deadlines(p);
        assertEquals(liveP.get("dispatch"), filledP.get("dispatch"), "the limit alone on the first 派遣");
        assertEquals(liveP.get("resume"), filledP.get("resume"), "the deadline the case ends with, on its last 恢复");
        assertNull(filledP.get("approveExtension"), "an intermediate deadline is not guessed");
        assertEquals(liveQ, deadlines(q));
        assertTrue(backfill.done());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SiteSetting.get(EvaluationBackfill.DONE).isPresent()));
        assertEquals(0, backfill.run(), "nothing left to fill, nothing overwritten");
    }

    /** The deadline written on each action's (last) row of a case. */
    private Map<String, Instant> deadlines(long caseId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Instant> out = new LinkedHashMap<>();
            CaseTransition.of(caseId).forEach(t -> {
                if (t.dueAt != null) {
                    out.put(t.action, t.dueAt);
                }
            });
            return out;
        });
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(MutableClock.SHANGHAI).toInstant();
    }

    private static long dispatched(long condition, long department) {
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "file", Map.of("conditionId", condition)).statusCode(200);
        Cases.act("dispatcher", id, "dispatch", Map.of("departmentId", department)).statusCode(200);
        return id;
    }
}
