package org.civicgrid.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civicgrid.cases.CaseTransition;
import org.civicgrid.cases.facts.CaseFacts;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every event count two ways on a hand-built history with the period boundaries in it: the pass's one grouped scan in
 * plain SQL ({@link EventCounts#count}: the {@link Indicator} conditions translated to the tables) against one Hibernate
 * query per indicator and object type with the condition as written ({@link EventCounts#byConditions}). History rows
 * are written as the one writer writes them (insert, then {@link CaseFacts#add} on the same connection), in a year no
 * other test uses, Asia/Shanghai:
 *
 * <pre>
 * case  rows (March / April of year Y)                                                       what it tests
 * A     派遣 03-20 供水, 回退 approved 04-02, 派遣 04-02 市政                                  回退 after the period's end
 * B     立案 03-28, 作废 04-03                                                              作废 after filing, next month
 * C     上报 03-31 23:30, 立案 04-01 00:30                                                   有效上报 across the boundary
 * D     派遣 03-05 09:00, 回退 10:00, 派遣 10:30, 回退 04-01 00:00 (= the end, not before)    two 派遣, one returned in March
 * E     立案 03-10, then (next seq) 作废 dated 02-27                                         a later row dated before the period
 * F     核实 on time, 核实(not found) late, 核查 without limit, 返工 on time, 03-12               按时 conditions
 * G     重复上报, 督办, 挂账, 不予立案 03-01 00:00 (= the start), 督办 04-01 00:00 (= the end)     plain counts at the edges
 * H     立案 03-15 (hotline, as A–G); I 立案 03-15 (reported by an inspector)                 公众举报立案
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventCountsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int Y = 3000 + new java.util.Random().nextInt(900);

    @Inject
    AgroalDataSource dataSource;

    boolean built;
    long shizheng;
    long gongshui;
    long dispatcher;
    long acceptor;
    long shiftlead;
    long inspector;
    final Map<String, Long> ids = new TreeMap<>();

    @BeforeEach
    void history() throws SQLException {
        if (built) {
            return;
        }
        built = true;
        shizheng = Cases.departmentId("shizheng");
        gongshui = Cases.departmentId("gongshui");
        dispatcher = Cases.staffId("dispatcher");
        acceptor = Cases.staffId("acceptor");
        shiftlead = Cases.staffId("shiftlead");
        inspector = Cases.staffId("inspector");
        for (String name : List.of("A", "B", "C", "D", "E", "F", "G", "H")) {
            ids.put(name, Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON));
        }
        ids.put("I", Cases.report("inspector", "INSPECTOR", "component:0101", Cases.LAT, Cases.LON));
        List<CaseTransition> rows = new ArrayList<>();
        rows.add(row("A", "dispatch", "03-20T10:00", dispatcher, gongshui, null));
        rows.add(row("A", "approveReturn", "04-02T09:00", dispatcher, gongshui, null));
        rows.add(row("A", "dispatch", "04-02T09:00", dispatcher, shizheng, null));
        rows.add(row("B", "file", "03-28T10:00", shiftlead, null, null));
        rows.add(row("B", "discard", "04-03T10:00", shiftlead, null, null));
        rows.add(row("C", "report", "03-31T23:30", acceptor, null, null));
        rows.add(row("C", "file", "04-01T00:30", shiftlead, null, null));
        rows.add(row("D", "dispatch", "03-05T09:00", dispatcher, gongshui, null));
        rows.add(row("D", "approveReturn", "03-05T10:00", dispatcher, gongshui, null));
        rows.add(row("D", "dispatch", "03-05T10:30", dispatcher, shizheng, null));
        rows.add(row("D", "approveReturn", "04-01T00:00", dispatcher, shizheng, null));
        rows.add(row("E", "file", "03-10T10:00", shiftlead, null, null));
        rows.add(row("E", "discard", "02-27T10:00", shiftlead, null, null));
        rows.add(row("F", "confirm", "03-12T09:00", inspector, null, "03-12T10:00"));
        rows.add(row("F", "confirmNotFound", "03-12T11:00", inspector, null, "03-12T10:00"));
        rows.add(row("F", "verify", "03-12T12:00", inspector, shizheng, null));
        rows.add(row("F", "rework", "03-12T13:00", inspector, shizheng, "03-12T13:00"));
        rows.add(row("G", "mergeDuplicate", "03-03T09:00", acceptor, null, null));
        rows.add(row("G", "urge", "03-03T10:00", shiftlead, shizheng, null));
        rows.add(row("G", "approveSuspend", "03-03T11:00", dispatcher, shizheng, null));
        rows.add(row("G", "decline", "03-01T00:00", shiftlead, null, null));
        rows.add(row("G", "urge", "04-01T00:00", shiftlead, shizheng, null));
        rows.add(row("H", "file", "03-15T10:00", shiftlead, null, null));
        rows.add(row("I", "file", "03-15T10:00", shiftlead, null, null));
        write(rows);
    }

    @Test
    void everyEventCountIsTheSameBothWays() {
        for (Instant[] period : List.of(month(3), month(4), new Instant[] {at("03-15T00:00"), at("04-15T00:00")},
                new Instant[] {at("02-01T00:00"), at("05-01T00:00")}, new Instant[] {at("03-31T23:30"), at("04-01T00:30")})) {
            Map<EvaluationObject, Map<String, Map<Indicator, Long>>> fast = fast(period[0], period[1]);
            Map<EvaluationObject, Map<String, Map<Indicator, Long>>> plain = QuarkusTransaction.requiringNew()
                    .call(() -> EventCounts.byConditions(period[0], period[1]));
            assertEquals(plain, fast, "period " + period[0] + " – " + period[1]);
            assertFalse(fast.get(EvaluationObject.POST).isEmpty(), "the period has events");
        }
    }

    @Test
    void theBoundaryCasesCountAsTheConditionsSay() {
        Map<Indicator, Long> march = fast(month(3)[0], month(3)[1]).get(EvaluationObject.POST).get(String.valueOf(dispatcher));
        // A's 派遣 (its 回退 only in April), D's two 派遣 (the first returned in March, the second at the period's end: not before it)
        assertEquals(3L, march.get(Indicator.DISPATCHED));
        assertEquals(1L, march.get(Indicator.RETURNED));
        Map<Indicator, Long> filings = fast(month(3)[0], month(3)[1]).get(EvaluationObject.POST).get(String.valueOf(shiftlead));
        assertEquals(4L, filings.get(Indicator.FILED), "B, E, H, I");
        assertEquals(1L, filings.get(Indicator.FILED_DISCARDED), "E only: B's 作废 came in April");
        assertEquals(3L, filings.get(Indicator.PUBLIC_FILED), "B, E, H (hotline), not I (inspector)");
        assertEquals(1L, filings.get(Indicator.DISCARDED), "G's 不予立案 at the period's start");
        assertEquals(1L, filings.get(Indicator.URGED), "G's second 督办 lies at the end, in April");
        Map<Indicator, Long> span = fast(at("03-15T00:00"), at("04-15T00:00")).get(EvaluationObject.POST).get(String.valueOf(shiftlead));
        assertEquals(1L, span.get(Indicator.FILED_DISCARDED), "B (作废 04-03); E was filed before the span, C not discarded");
    }

    @Test
    void reportsValidByThePeriodsEnd() {
        Map<Indicator, Long> march = fast(month(3)[0], month(3)[1]).get(EvaluationObject.POST).get(String.valueOf(acceptor));
        assertEquals(1L, march.get(Indicator.REPORTED), "C's 上报 on 03-31");
        assertTrue(march.getOrDefault(Indicator.VALID_REPORTS, 0L) == 0, "filed only in April");
        Map<Indicator, Long> night = fast(at("03-31T23:30"), at("04-01T00:31")).get(EvaluationObject.POST).get(String.valueOf(acceptor));
        assertEquals(1L, night.get(Indicator.VALID_REPORTS));
        Map<Indicator, Long> inspectors = fast(month(3)[0], month(3)[1]).get(EvaluationObject.POST).get(String.valueOf(inspector));
        assertEquals(2L, inspectors.get(Indicator.CONFIRMS));
        assertEquals(1L, inspectors.get(Indicator.CONFIRMS_ON_TIME));
        assertEquals(2L, inspectors.get(Indicator.CHECKS));
        assertEquals(1L, inspectors.get(Indicator.CHECKS_ON_TIME), "the 核查 without a limit is not on time; the 返工 at its limit is");
    }

    /** The pass's event counts, as {@link EventCounts#byConditions} gives them (no zeros). */
    private Map<EvaluationObject, Map<String, Map<Indicator, Long>>> fast(Instant from, Instant to) {
        EvaluationPass pass = new EvaluationPass();
        QuarkusTransaction.requiringNew().run(() -> EventCounts.count(from, to, pass));
        Map<EvaluationObject, Map<String, Map<Indicator, Long>>> out = new EnumMap<>(EvaluationObject.class);
        for (EvaluationObject object : EvaluationObject.values()) {
            Map<String, Map<Indicator, Long>> byKey = new TreeMap<>();
            pass.counts(object).forEach((key, counts) -> {
                Map<Indicator, Long> c = new EnumMap<>(Indicator.class);
                EventCounts.EVENTS.forEach(i -> {
                    if (counts[i.ordinal()] != 0) {
                        c.put(i, counts[i.ordinal()]);
                    }
                });
                if (!c.isEmpty()) {
                    byKey.put(key, c);
                }
            });
            out.put(object, byKey);
        }
        return out;
    }

    private CaseTransition row(String name, String action, String when, long actor, Long department, String stageDue) {
        CaseTransition t = new CaseTransition();
        t.caseId = ids.get(name);
        t.action = action;
        t.at = at(when);
        t.actorId = actor;
        t.departmentId = department;
        t.stageDueAt = stageDue == null ? null : at(stageDue);
        return t;
    }

    /** Inserts the rows after each case's own, and folds them into the facts on the same connection (as HistoryRows does). */
    private void write(List<CaseTransition> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Map<Long, Integer> seq = new TreeMap<>();
            for (CaseTransition t : rows) {
                if (!seq.containsKey(t.caseId)) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT max(seq) FROM case_transition WHERE case_id = ?")) {
                        ps.setLong(1, t.caseId);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            seq.put(t.caseId, rs.getInt(1));
                        }
                    }
                }
                t.seq = seq.merge(t.caseId, 1, Integer::sum);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_transition (case_id, seq, from_stage, to_stage, action, actor_id,"
                        + " actor_name, actor_role, department_id, at, stage_due_at) VALUES (?, ?, 'HANDLING', 'HANDLING', ?, ?, 'test', 'TEST', ?, ?, ?)")) {
                    ps.setLong(1, t.caseId);
                    ps.setInt(2, t.seq);
                    ps.setString(3, t.action);
                    ps.setLong(4, t.actorId);
                    ps.setObject(5, t.departmentId);
                    ps.setTimestamp(6, Timestamp.from(t.at));
                    ps.setTimestamp(7, t.stageDueAt == null ? null : Timestamp.from(t.stageDueAt));
                    ps.executeUpdate();
                }
            }
            CaseFacts.add(c, rows);
            c.commit();
        }
    }

    private static Instant[] month(int month) {
        return new Instant[] {at("%02d-01T00:00".formatted(month)), at("%02d-01T00:00".formatted(month + 1))};
    }

    private static Instant at(String monthDayTime) {
        return LocalDateTime.parse(Y + "-" + monthDayTime).atZone(ZONE).toInstant();
    }
}
