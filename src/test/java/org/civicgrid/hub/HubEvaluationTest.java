package org.civicgrid.hub;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.evaluation.EvaluationObject;
import org.civicgrid.evaluation.EvaluationPeriod;
import org.civicgrid.evaluation.EvaluationQueries;
import org.civicgrid.evaluation.Indicator;
import org.civicgrid.org.StaffRegistry;
import org.civicgrid.sync.SyncProtocol;
import org.civicgrid.testsupport.WebSession;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 跨镇综合评价 on the hub (PostgreSQL): a hand-built history of two towns, ingested as the edges send it, ranked for
 * March 2025 with the figures worked out here (按期结案率 with 挂账 and 返工, a case spanning the month's end, 应结案数),
 * the same numbers on the page, in the API and in the xlsx; only the hub's leaders and admins see it; and the same
 * history written into the edge's tables and computed by the edge's {@link EvaluationQueries} gives the same counts for
 * every indicator both compute — one {@link Indicator} table drives both.
 */
@QuarkusTest
@TestProfile(HubPostgresTest.OnPostgresql.class)
class HubEvaluationTest {

    static final String PASSWORD = HubPostgresTest.PASSWORD;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** One pair of towns per JVM (the app and the schema live as long as it). */
    static final String A = (String) System.getProperties().computeIfAbsent("hubeval.a", k -> "ev-a-" + UUID.randomUUID().toString().substring(0, 8));
    static final String B = (String) System.getProperties().computeIfAbsent("hubeval.b", k -> "ev-b-" + UUID.randomUUID().toString().substring(0, 8));

    @Inject
    HubTokens tokens;
    @Inject
    HubIngest ingest;
    @Inject
    HubEvaluation evaluation;
    @Inject
    EvaluationQueries edge;
    @Inject
    StaffRegistry staff;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** One history row: action, time (2025, +08:00, "03-02T10:00"), the 考核时限 it sets, the stage deadline it ends. */
    record H(String action, String at, String dueAt, String stageDueAt) {
        static H of(String action, String at) {
            return new H(action, at, null, null);
        }

        static H due(String action, String at, String dueAt) {
            return new H(action, at, dueAt, null);
        }
    }

    /** One case of a town: its id on the edge, source, stage now and history. */
    record C(long id, String source, String stage, List<H> rows) {
    }

    /**
     * 甲镇 (A), March: A1 public, closed early (on time); A2 返工 then closed after its deadline (overdue); A3 in 挂账 at
     * the month's end (not due); A4 挂账 and resumed with its deadline moved, closed before it (on time); A5 dispatched in
     * March, due and closed in April (due in April only); A6 dispatched in February, due in March, still open (overdue).
     */
    static final List<C> TOWN_A = List.of(
            new C(1, "PUBLIC", "CLOSED", List.of(H.of("report", "03-02T09:00"), H.of("file", "03-02T10:00"), H.due("dispatch", "03-03T09:00", "03-10T18:00"),
                    H.of("reportHandled", "03-05T10:00"), new H("verify", "03-05T15:00", null, "03-06T15:00"), H.of("close", "03-06T09:00"))),
            new C(2, "INSPECTOR", "CLOSED", List.of(H.of("report", "03-02T11:00"), H.of("file", "03-02T12:00"), H.due("dispatch", "03-03T10:00", "03-12T18:00"),
                    H.of("reportHandled", "03-08T10:00"), new H("rework", "03-09T10:00", null, "03-09T09:00"), H.of("reportHandled", "03-11T10:00"),
                    new H("verify", "03-12T10:00", null, "03-13T10:00"), H.of("close", "03-14T10:00"))),
            new C(3, "INSPECTOR", "SUSPENDED", List.of(H.of("report", "03-19T09:00"), H.of("file", "03-19T10:00"), H.due("dispatch", "03-20T09:00", "03-25T18:00"),
                    H.of("approveSuspend", "03-22T10:00"))),
            new C(4, "INSPECTOR", "CLOSED", List.of(H.of("report", "03-04T09:00"), H.of("file", "03-04T10:00"), H.due("dispatch", "03-05T09:00", "03-10T18:00"),
                    H.of("approveSuspend", "03-07T10:00"), H.due("resume", "03-12T10:00", "03-15T18:00"), H.of("reportHandled", "03-13T10:00"),
                    H.of("close", "03-14T16:00"))),
            new C(5, "INSPECTOR", "CLOSED", List.of(H.of("report", "03-28T09:00"), H.of("file", "03-28T10:00"), H.due("dispatch", "03-28T11:00", "04-03T18:00"),
                    H.of("reportHandled", "04-01T10:00"), H.of("close", "04-02T10:00"))),
            new C(6, "INSPECTOR", "HANDLING", List.of(H.of("report", "02-18T09:00"), H.of("file", "02-18T10:00"), H.due("dispatch", "02-20T09:00", "03-02T18:00"))));

    /**
     * 乙镇 (B), March: B1 hotline, 回退 and re-dispatched, closed on time; B2 closed after its deadline; B3 discarded; B4 a
     * second report of B2 merged into it (重复上报, not a discarded case).
     */
    static final List<C> TOWN_B = List.of(
            new C(1, "HOTLINE", "CLOSED", List.of(H.of("report", "03-04T09:00"), H.of("file", "03-04T09:30"), H.due("dispatch", "03-04T10:00", "03-06T18:00"),
                    H.of("approveReturn", "03-04T12:00"), H.of("dispatch", "03-05T09:00"), H.of("reportHandled", "03-05T12:00"), H.of("close", "03-05T16:00"))),
            new C(2, "INSPECTOR", "CLOSED", List.of(H.of("report", "03-10T09:00"), H.of("file", "03-10T09:30"), H.due("dispatch", "03-10T10:00", "03-12T18:00"),
                    H.of("reportHandled", "03-19T10:00"), H.of("close", "03-20T10:00"))),
            new C(3, "INSPECTOR", "DISCARDED", List.of(H.of("report", "03-15T09:00"), H.of("discard", "03-15T10:00"))),
            new C(4, "INSPECTOR", "DISCARDED", List.of(H.of("report", "03-16T09:00"), H.of("mergeDuplicate", "03-16T09:30"))));

    /** One 公众评价 (PORTAL, 1–5 stars) or 回访 (CALLBACK) of a town's case: its row on the edge, and when it was made. */
    record R(long caseId, String kind, long ratingId, Integer score, Boolean satisfied, String at) {
        static R portal(long caseId, long ratingId, int score, String at) {
            return new R(caseId, SyncProtocol.Rating.PORTAL, ratingId, score, null, at);
        }

        static R callBack(long caseId, long ratingId, boolean satisfied, String at) {
            return new R(caseId, SyncProtocol.Rating.CALLBACK, ratingId, null, satisfied, at);
        }
    }

    /** 甲镇's ratings: March 4, satisfied 2 (5★, a satisfied 回访; not an unsatisfied 回访 nor 3★); April 1 (2★). */
    static final List<R> RATINGS_A = List.of(R.portal(1, 1, 5, "03-07T10:00"), R.callBack(1, 1, true, "03-07T11:00"),
            R.callBack(2, 2, false, "03-15T10:00"), R.portal(4, 2, 3, "03-31T23:30"), R.portal(5, 3, 2, "04-02T12:00"));
    /** 乙镇's ratings: March 4, satisfied 3 (4★ — the threshold — and two satisfied 回访; not one unsatisfied); April 1 (1★). */
    static final List<R> RATINGS_B = List.of(R.portal(1, 1, 4, "03-06T10:00"), R.callBack(1, 1, false, "03-06T11:00"),
            R.callBack(2, 2, true, "03-21T10:00"), R.callBack(2, 3, true, "03-25T10:00"), R.portal(2, 2, 1, "04-01T00:30"));

    /** A camera alert a town merged into one of its open cases (重复上报): its row on the edge, the case, when it came in. */
    record M(long alertId, long caseId, String at) {
    }

    /** 甲镇: one merge in March (into A3), one in February (into A6). */
    static final List<M> MERGES_A = List.of(new M(11, 3, "03-20T08:00"), new M(12, 6, "02-25T08:00"));
    /** 乙镇: one merge in March (into B2, besides B4's manual merge), one in April's first ten minutes (+08:00). */
    static final List<M> MERGES_B = List.of(new M(21, 2, "03-11T10:00"), new M(22, 2, "04-01T00:10"));

    static final EvaluationPeriod MARCH = EvaluationPeriod.month(YearMonth.of(2025, 3), ZONE);
    static final EvaluationPeriod APRIL = EvaluationPeriod.month(YearMonth.of(2025, 4), ZONE);

    static Instant at(String s) {
        return s == null ? null : OffsetDateTime.parse("2025-" + s + "+08:00").toInstant();
    }

    @BeforeEach
    void towns() throws Exception {
        synchronized (HubEvaluationTest.class) {
            if (HubSite.getEntityManager().createQuery("select count(s) from HubSite s where s.siteId = ?1", Long.class).setParameter(1, A)
                    .getSingleResult() == 0) {
                send(A, "甲镇", TOWN_A, RATINGS_A, MERGES_A);
                send(B, "乙镇", TOWN_B, RATINGS_B, MERGES_B);
                edgeTables(A, TOWN_A, RATINGS_A, MERGES_A, 910_000);
                edgeTables(B, TOWN_B, RATINGS_B, MERGES_B, 920_000);
            }
            HubPostgresTest.accounts(staff);
        }
    }

    /**
     * The town's history as its edge sends it: one event per row (in two batches), each with the case's state; then its
     * ratings (rating.added), that batch twice (the edge did not get the answer), and one rating again under a new event
     * id — each rating is stored once.
     */
    private void send(String site, String name, List<C> town, List<R> ratings, List<M> merges) {
        String grid = grid(site);
        tokens.issue(site, name);
        List<SyncProtocol.Event> events = new ArrayList<>();
        long seq = 0;
        for (C c : town) {
            for (int i = 0; i < c.rows().size(); i++) {
                H h = c.rows().get(i);
                SyncProtocol.HistoryRow row = new SyncProtocol.HistoryRow(i + 1, h.action(), null, i + 1 == c.rows().size() ? c.stage() : "HANDLING",
                        "测试员", "INSPECTOR", at(h.at()), null, at(h.dueAt()), at(h.stageDueAt()));
                SyncProtocol.CaseState state = new SyncProtocol.CaseState(site + "-" + c.id(), c.source(), "component:0101", "测试案卷 " + c.id(),
                        "测试路" + c.id() + "号", 35.66, 117.26, grid, i + 1 == c.rows().size() ? c.stage() : "HANDLING", i + 1, null, null,
                        at(c.rows().get(0).at()), "CLOSED".equals(c.stage()) && i + 1 == c.rows().size() ? at(h.at()) : null);
                events.add(new SyncProtocol.Event(UUID.randomUUID().toString(), ++seq, "case." + h.action(), c.id(), at(h.at()), state, List.of(row),
                        List.of(), null, null));
            }
        }
        int half = events.size() / 2;
        ingest.ingest(site, new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, events.subList(0, half)));
        ingest.ingest(site, new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, events.subList(half, events.size())));
        List<SyncProtocol.Event> rated = new ArrayList<>();
        for (R r : ratings) {
            rated.add(rating(site, town, r, UUID.randomUUID().toString(), ++seq));
        }
        SyncProtocol.Batch batch = new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, rated);
        assertEquals(ratings.size(), ingest.ingest(site, batch).stored());
        SyncProtocol.Ack again = ingest.ingest(site, batch);
        assertEquals(0, again.stored());
        assertEquals(ratings.size(), again.duplicates());
        SyncProtocol.Ack renamed = ingest.ingest(site, new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0,
                List.of(rating(site, town, ratings.get(0), UUID.randomUUID().toString(), ++seq))));
        assertEquals(seq, renamed.ackedSeq(), "the event is stored (and acknowledged), its rating not twice");
        List<SyncProtocol.Event> merged = new ArrayList<>();
        for (M m : merges) {
            merged.add(new SyncProtocol.Event(UUID.randomUUID().toString(), ++seq, SyncProtocol.ALERT_MERGED, m.caseId(), at(m.at()), state(site, town, m.caseId()),
                    List.of(), List.of(), null, new SyncProtocol.AlertMerge(m.alertId())));
        }
        SyncProtocol.Batch mergeBatch = new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, merged);
        assertEquals(merges.size(), ingest.ingest(site, mergeBatch).stored());
        assertEquals(merges.size(), ingest.ingest(site, mergeBatch).duplicates(), "a re-sent batch of merges is stored once");
    }

    /** A case's state as its edge holds it now (after its last history row). */
    static SyncProtocol.CaseState state(String site, List<C> town, long caseId) {
        C c = town.stream().filter(k -> k.id() == caseId).findFirst().orElseThrow();
        H last = c.rows().get(c.rows().size() - 1);
        return new SyncProtocol.CaseState(site + "-" + c.id(), c.source(), "component:0101", "测试案卷 " + c.id(), "测试路" + c.id() + "号", 35.66,
                117.26, grid(site), c.stage(), c.rows().size(), null, null, at(c.rows().get(0).at()), "CLOSED".equals(c.stage()) ? at(last.at()) : null);
    }

    /** A rating's event as the edge sends it: the case's state now, no history row, the rating. */
    static SyncProtocol.Event rating(String site, List<C> town, R r, String eventId, long seq) {
        return new SyncProtocol.Event(eventId, seq, SyncProtocol.RATING_ADDED, r.caseId(), at(r.at()), state(site, town, r.caseId()), List.of(), List.of(),
                new SyncProtocol.Rating(r.kind(), r.ratingId(), r.score(), r.satisfied()), null);
    }

    /**
     * The same history in the edge's own tables (case_file, case_transition), as that town's box holds it, and the same
     * ratings (public_rating, case_callback).
     */
    private static void edgeTables(String site, List<C> town, List<R> ratings, List<M> merges, long firstId) throws Exception {
        try (Connection c = connect();
                PreparedStatement cf = c.prepareStatement("insert into case_file (id, site_id, case_number, source, description, stage, stage_started_at,"
                        + " urged, self_handled, rework_count, history_count, created_at, version, class_code, grid_code)"
                        + " values (?, ?, ?, ?, ?, ?, ?, false, false, 0, ?, ?, 0, 'component:0101', ?)");
                PreparedStatement ct = c.prepareStatement("insert into case_transition (case_id, seq, to_stage, action, actor_name, at, due_at, stage_due_at)"
                        + " values (?, ?, ?, ?, '测试员', ?, ?, ?)")) {
            for (C k : town) {
                long id = firstId + k.id();
                Timestamp created = Timestamp.from(at(k.rows().get(0).at()));
                cf.setLong(1, id);
                cf.setString(2, site);
                cf.setString(3, site + "-" + k.id());
                cf.setString(4, k.source());
                cf.setString(5, "测试案卷 " + k.id());
                cf.setString(6, k.stage());
                cf.setTimestamp(7, created);
                cf.setInt(8, k.rows().size());
                cf.setTimestamp(9, created);
                cf.setString(10, grid(site));
                cf.executeUpdate();
                for (int i = 0; i < k.rows().size(); i++) {
                    H h = k.rows().get(i);
                    ct.setLong(1, id);
                    ct.setInt(2, i + 1);
                    ct.setString(3, "HANDLING");
                    ct.setString(4, h.action());
                    ct.setTimestamp(5, Timestamp.from(at(h.at())));
                    ct.setTimestamp(6, h.dueAt() == null ? null : Timestamp.from(at(h.dueAt())));
                    ct.setTimestamp(7, h.stageDueAt() == null ? null : Timestamp.from(at(h.stageDueAt())));
                    ct.executeUpdate();
                }
            }
            try (PreparedStatement pr = c.prepareStatement("insert into public_rating (case_id, score, rated_at) values (?, ?, ?)");
                    PreparedStatement cb = c.prepareStatement("insert into case_callback (case_id, called_at, caller_name, satisfied, reopened)"
                            + " values (?, ?, '受理员', ?, false)")) {
                for (R r : ratings) {
                    PreparedStatement ps = r.score() != null ? pr : cb;
                    ps.setLong(1, firstId + r.caseId());
                    if (r.score() != null) {
                        ps.setInt(2, r.score());
                        ps.setTimestamp(3, Timestamp.from(at(r.at())));
                    } else {
                        ps.setTimestamp(2, Timestamp.from(at(r.at())));
                        ps.setBoolean(3, r.satisfied());
                    }
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement am = c.prepareStatement("insert into alert_message (source, source_id, received_at, outcome, case_id, payload,"
                    + " payload_bytes) values ('GENERIC', ?, ?, 'MERGED', ?, '{}', 2)")) {
                for (M m : merges) {
                    am.setString(1, site + "-" + m.alertId());
                    am.setTimestamp(2, Timestamp.from(at(m.at())));
                    am.setLong(3, firstId + m.caseId());
                    am.executeUpdate();
                }
            }
        }
    }

    /** Each town's cases lie in one unit grid of its own (all of class component:0101), for 重复发案. */
    static String grid(String site) {
        return site.equals(A) ? "370831101001001" : "370831102001001";
    }

    /** The figures of March worked out by hand, by indicator. */
    static Map<Indicator, Long> expectedMarch(String site) {
        Map<Indicator, Long> e = new EnumMap<>(Indicator.class);
        if (site.equals(A)) {
            e.put(Indicator.REPORTED, 5L); // A1–A5 (A6 was reported in February)
            e.put(Indicator.VALID_REPORTS, 5L);
            e.put(Indicator.FILED, 5L);
            e.put(Indicator.PUBLIC_FILED, 1L); // A1
            e.put(Indicator.DISPATCHED, 5L);
            e.put(Indicator.DUE, 4L); // A1 (closed early, 03-06), A2 (03-12), A4 (moved to 03-15, closed 03-14), A6 (03-02); not A3 (挂账), not A5 (April)
            e.put(Indicator.CLOSED, 3L); // A1, A2, A4
            e.put(Indicator.CLOSED_ON_TIME, 2L); // A1, A4
            e.put(Indicator.OVERDUE, 2L); // A2 (closed late), A6 (open)
            e.put(Indicator.HANDLED, 3L);
            e.put(Indicator.HANDLED_ON_TIME, 3L);
            e.put(Indicator.REWORKED, 1L); // A2
            e.put(Indicator.SUSPENDED, 2L); // A3, A4
            e.put(Indicator.CHECKS, 3L); // A1 verify, A2 rework and verify
            e.put(Indicator.CHECKS_ON_TIME, 2L); // A2's rework came after its stage deadline
            e.put(Indicator.RECURRED, 2L); // A3 (filed 03-19) and A5 (03-28) after A1, A2, A4 closed in the grid; A1, A2, A4 filed before any closure
            e.put(Indicator.RATINGS, 4L); // A1 5★ and its 回访, A2's 回访, A4 3★ (03-31 23:30 +08:00); not A5's (April)
            e.put(Indicator.SATISFIED, 2L); // A1 5★, A1's satisfied 回访
            e.put(Indicator.DUPLICATE_REPORTS, 1L); // the alert merged into A3 on 03-20 (not the one of February)
        } else {
            e.put(Indicator.REPORTED, 4L); // B1–B4
            e.put(Indicator.DUPLICATE_REPORTS, 2L); // B4 merged into B2 by hand, the alert merged into B2 on 03-11 (not the one of 04-01)
            e.put(Indicator.VALID_REPORTS, 2L);
            e.put(Indicator.FILED, 2L);
            e.put(Indicator.DISCARDED, 1L);
            e.put(Indicator.PUBLIC_FILED, 1L); // B1 (hotline)
            e.put(Indicator.DISPATCHED, 3L); // B1 twice (回退 and again), B2
            e.put(Indicator.RETURNED, 1L);
            e.put(Indicator.DUE, 2L);
            e.put(Indicator.CLOSED, 2L);
            e.put(Indicator.CLOSED_ON_TIME, 1L);
            e.put(Indicator.OVERDUE, 1L);
            e.put(Indicator.HANDLED, 2L);
            e.put(Indicator.HANDLED_ON_TIME, 1L);
            e.put(Indicator.RECURRED, 1L); // B2 (filed 03-10) after B1 closed on 03-05
            e.put(Indicator.RATINGS, 4L); // B1 4★ and its 回访, B2's two 回访; not B2's 1★ (04-01 00:30 +08:00)
            e.put(Indicator.SATISFIED, 3L); // B1 4★, B2's satisfied 回访 twice
        }
        return e;
    }

    @Test
    void theTownsAreRankedWithTheFiguresWorkedOutByHand() {
        HubEvaluation.Table table = evaluation.table(MARCH, false);
        Map<String, HubEvaluation.Row> rows = new LinkedHashMap<>();
        table.rows().forEach(r -> rows.put(r.siteId(), r));
        for (String site : List.of(A, B)) {
            Map<Indicator, Long> expected = expectedMarch(site);
            for (Indicator i : Indicator.counts()) {
                Long got = rows.get(site).counts().get(i.code());
                if (HubEvaluation.known(i)) {
                    assertEquals(expected.getOrDefault(i, 0L), got, site + " " + i);
                } else {
                    assertNull(got, site + " " + i + " is not known on the hub");
                }
            }
        }
        HubEvaluation.Row a = rows.get(A);
        HubEvaluation.Row b = rows.get(B);
        assertEquals(50.0, a.rates().get("ON_TIME_CLOSE_RATE")); // 2 / 4
        assertEquals(75.0, a.rates().get("CLOSE_RATE"));
        assertEquals(25.0, a.rates().get("REWORK_RATE"));
        assertEquals(20.0, a.rates().get("PUBLIC_REPORT_RATE"));
        assertEquals(40.0, a.rates().get("RECURRENCE_RATE")); // 2 of 5 filed
        assertEquals(50.0, rows.get(B).rates().get("RECURRENCE_RATE")); // 1 of 2 filed
        assertEquals(50.0, a.rates().get("SATISFACTION")); // 2 of 4
        assertNull(a.rates().get("AVERAGE_HANDLING_TIME"));
        // county weights: 按期结案率 40, 结案率 30, 返工率 15 (100 − rate), 公众满意度 15
        assertEquals(61.3, a.score()); // (40×50 + 30×75 + 15×75 + 15×50) / 100 = 61.25
        assertEquals("C", a.grade());
        assertEquals(50.0, b.rates().get("ON_TIME_CLOSE_RATE"));
        assertEquals(100.0, b.rates().get("CLOSE_RATE"));
        assertEquals(33.3, b.rates().get("RETURN_RATE"));
        assertEquals(75.0, b.rates().get("SATISFACTION")); // 3 of 4
        assertEquals(76.3, b.score()); // (40×50 + 30×100 + 15×100 + 15×75) / 100 = 76.25
        assertEquals("B", b.grade());
        assertTrue(b.rank() < a.rank(), "乙镇 ranks before 甲镇");
        assertEquals(a.rank(), b.rank() + 1, "no scored town between them");
        assertTrue(table.weights().get("SATISFACTION") == 15 && table.weights().get("ON_TIME_CLOSE_RATE") == 40);
        // the case spanning the month's end: dispatched in March, due and closed on time in April
        Map<String, HubEvaluation.Row> april = new LinkedHashMap<>();
        evaluation.table(APRIL, false).rows().forEach(r -> april.put(r.siteId(), r));
        assertEquals(1L, april.get(A).counts().get("DUE"));
        assertEquals(1L, april.get(A).counts().get("CLOSED_ON_TIME"));
        assertEquals(0L, april.get(A).counts().get("DISPATCHED"));
        assertEquals(1L, april.get(A).counts().get("RATINGS"));
        assertEquals(0L, april.get(B).counts().get("SATISFIED"));
        assertEquals(0.0, april.get(B).rates().get("SATISFACTION"), "乙镇's April: one rating, 1★");
        // drill-down: 甲镇's 按期结案率 is over A1, A2, A4, A6, counted A1 and A4
        List<HubEvaluationApi.CaseRef> cases = HubEvaluationApi.drill(evaluation, A, "ON_TIME_CLOSE_RATE", MARCH);
        assertEquals(List.of(1L, 2L, 4L, 6L), cases.stream().map(HubEvaluationApi.CaseRef::edgeCaseId).toList());
        assertEquals(List.of(1L, 4L), cases.stream().filter(HubEvaluationApi.CaseRef::counted).map(HubEvaluationApi.CaseRef::edgeCaseId).toList());
        // 甲镇's 公众满意度 is over the rated cases A1 (twice), A2, A4, satisfied on A1
        List<HubEvaluationApi.CaseRef> rated = HubEvaluationApi.drill(evaluation, A, "SATISFACTION", MARCH);
        assertEquals(List.of(1L, 2L, 4L), rated.stream().map(HubEvaluationApi.CaseRef::edgeCaseId).toList());
        assertEquals(List.of(1L), rated.stream().filter(HubEvaluationApi.CaseRef::counted).map(HubEvaluationApi.CaseRef::edgeCaseId).toList());
        // 乙镇's 重复上报: B4 (merged by hand) and B2 (an alert merged into it)
        assertEquals(List.of(2L, 4L), HubEvaluationApi.drill(evaluation, B, "DUPLICATE_REPORTS", MARCH).stream().map(HubEvaluationApi.CaseRef::edgeCaseId)
                .toList());
        assertEquals(1L, april.get(B).counts().get("DUPLICATE_REPORTS"), "the alert of April's first minutes");
    }

    @Test
    void eachRatingIsStoredOnceWithItsSiteAndKind() throws Exception {
        try (Connection c = connect(); var s = c.createStatement(); var rs = s.executeQuery("select site_id, kind, edge_rating_id, edge_case_id, score,"
                + " satisfied from hub_rating where site_id = '" + A + "' order by kind, edge_rating_id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " " + rs.getObject(5) + " " + rs.getObject(6));
            }
            assertEquals(List.of("CALLBACK 1 1 null true", "CALLBACK 2 2 null false", "PORTAL 1 1 5 null", "PORTAL 2 4 3 null", "PORTAL 3 5 2 null"),
                    rows, "five ratings, though the batch came twice and the first rating again under another event id");
        }
    }

    /**
     * A batch with a bad rating event — 9 stars, a kind the hub does not know (oversized), none, a type too long for the
     * hub — is refused with a 400 that says why, and none of its events is stored (not its good case event either).
     */
    @Test
    void aBatchWithABadRatingIsRefusedWholeWithAReason() throws Exception {
        String site = "ev-bad-" + UUID.randomUUID().toString().substring(0, 8);
        String token = tokens.issue(site, "丙镇");
        C closed = TOWN_A.get(0);
        SyncProtocol.Event good = rating(site, TOWN_A, R.portal(1, 1, 5, "03-07T10:00"), UUID.randomUUID().toString(), 1);
        Map<String, SyncProtocol.Rating> bad = new LinkedHashMap<>();
        bad.put("score 9", new SyncProtocol.Rating(SyncProtocol.Rating.PORTAL, 2, 9, null));
        bad.put("PORTAL rating has a score of 1 to 5", new SyncProtocol.Rating(SyncProtocol.Rating.PORTAL, 2, 5, true));
        bad.put("CALLBACK rating says satisfied", new SyncProtocol.Rating(SyncProtocol.Rating.CALLBACK, 2, null, null));
        bad.put("kind is PORTAL or CALLBACK, got " + "X".repeat(20) + "…", new SyncProtocol.Rating("X".repeat(100_000), 2, 5, null));
        bad.put("needs rating", null);
        bad.put("ratingId ≥ 1", new SyncProtocol.Rating(SyncProtocol.Rating.PORTAL, 0, 5, null));
        for (SyncProtocol.AlertMerge merge : java.util.Arrays.asList(null, new SyncProtocol.AlertMerge(0))) {
            SyncProtocol.Event event = new SyncProtocol.Event(UUID.randomUUID().toString(), 2, SyncProtocol.ALERT_MERGED, closed.id(), at("03-08T10:00"),
                    good.state(), List.of(), List.of(), null, merge);
            given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .body(new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, List.of(good, event))).post("/api/hub/v1/events").then().statusCode(400)
                    .body("field", org.hamcrest.Matchers.equalTo("alertMerge")).body("message", org.hamcrest.Matchers.containsString("alertId ≥ 1"));
        }
        for (var b : bad.entrySet()) {
            SyncProtocol.Event event = new SyncProtocol.Event(UUID.randomUUID().toString(), 2, SyncProtocol.RATING_ADDED, closed.id(), at("03-08T10:00"),
                    good.state(), List.of(), List.of(), b.getValue(), null);
            String message = given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .body(new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, List.of(good, event))).post("/api/hub/v1/events").then().statusCode(400)
                    .body("field", org.hamcrest.Matchers.equalTo("rating")).extract().path("message");
            assertTrue(message.contains(b.getKey()), message);
        }
        SyncProtocol.Event longType = new SyncProtocol.Event(UUID.randomUUID().toString(), 2, "rating." + "x".repeat(40), closed.id(), at("03-08T10:00"),
                good.state(), List.of(), List.of(), null, null);
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, List.of(good, longType))).post("/api/hub/v1/events").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("type"));
        try (Connection c = connect(); var s = c.createStatement(); var rs = s.executeQuery("select (select count(*) from hub_event where site_id = '"
                + site + "'), (select count(*) from hub_rating where site_id = '" + site + "'), (select count(*) from hub_case where site_id = '" + site + "')")) {
            rs.next();
            assertEquals("0 0 0", rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3), "nothing of the refused batches is stored");
        }
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, List.of(good))).post("/api/hub/v1/events").then().statusCode(200)
                .body("stored", org.hamcrest.Matchers.equalTo(1)).body("ackedSeq", org.hamcrest.Matchers.equalTo(1));
        assertEquals(1L, evaluation.counts(MARCH.from(), MARCH.to()).get(site).get(Indicator.SATISFIED));
        // an event kind this hub does not know yet (a later edge's), with a field it does not know: stored as its case's state
        @SuppressWarnings("unchecked")
        Map<String, Object> future = json.convertValue(rating(site, TOWN_A, R.portal(1, 1, 5, "03-07T10:00"), UUID.randomUUID().toString(), 2),
                Map.class);
        future.put("type", "survey.added");
        future.put("rating", null);
        future.put("survey", Map.of("answers", List.of(1, 2, 3)));
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("protocol", SyncProtocol.VERSION, "siteId", site, "backlog", 0, "events", List.of(future))).post("/api/hub/v1/events").then()
                .statusCode(200).body("stored", org.hamcrest.Matchers.equalTo(1)).body("ackedSeq", org.hamcrest.Matchers.equalTo(2));
        assertEquals(1L, evaluation.counts(MARCH.from(), MARCH.to()).get(site).get(Indicator.RATINGS), "and counted as no rating");
    }

    @Test
    void theEdgeAndTheHubCountTheSameHistoryAlike() {
        for (EvaluationPeriod period : List.of(MARCH, APRIL, EvaluationPeriod.week(MARCH.firstDay().plusDays(9), ZONE))) {
            Map<String, EnumMap<Indicator, Long>> onEdge = edge.counts(EvaluationObject.COUNTY, period.from(), period.to());
            Map<String, EnumMap<Indicator, Long>> onHub = evaluation.counts(period.from(), period.to());
            int compared = 0;
            for (String site : List.of(A, B)) {
                for (Indicator i : Indicator.counts()) {
                    if (HubEvaluation.known(i)) {
                        long e = onEdge.getOrDefault(site, new EnumMap<>(Indicator.class)).getOrDefault(i, 0L);
                        long h = onHub.getOrDefault(site, new EnumMap<>(Indicator.class)).getOrDefault(i, 0L);
                        assertEquals(e, h, period.label() + " " + site + " " + i + ": edge " + e + ", hub " + h);
                        compared += e > 0 ? 1 : 0;
                    }
                }
            }
            assertTrue(compared > 3, period.label() + ": figures that are not all zero were compared (" + compared + ")");
        }
        assertEquals(4L, edge.counts(EvaluationObject.COUNTY, MARCH.from(), MARCH.to()).get(A).get(Indicator.DUE), "the edge's own answer");
    }

    @Test
    void theIngestNamesEachHistoryRowsHubCase() throws Exception {
        try (Connection c = connect(); var s = c.createStatement(); var rs = s.executeQuery("select count(*), count(h.case_id),"
                + " sum(case when k.id = h.case_id then 1 else 0 end) from hub_case_history h join hub_case k on k.site_id = h.site_id"
                + " and k.edge_case_id = h.edge_case_id where h.site_id in ('" + A + "', '" + B + "')")) {
            rs.next();
            long rows = TOWN_A.stream().mapToLong(k -> k.rows().size()).sum() + TOWN_B.stream().mapToLong(k -> k.rows().size()).sum();
            assertEquals(rows, rs.getLong(1));
            assertEquals(rows, rs.getLong(2), "every row has its case_id");
            assertEquals(rows, rs.getLong(3), "and it is its own case's id");
        }
    }

    @Test
    void thePageTheApiAndTheXlsxShowTheSameNumbers() throws Exception {
        WebSession leader = WebSession.signIn("hubleader", PASSWORD);
        String html = leader.page().accept("text/html").get("/hub/evaluation?period=2025-03").then().statusCode(200).extract().asString();
        assertTrue(html.contains("跨镇综合评价"), "in Chinese first");
        String rowA = row(html, A);
        assertEquals("4", cell(rowA, "DUE"));
        assertEquals("50.0%", cell(rowA, "ON_TIME_CLOSE_RATE"));
        assertEquals("75.0%", cell(rowA, "CLOSE_RATE"));
        assertEquals("50.0%", cell(rowA, "SATISFACTION"));
        assertTrue(rowA.contains("<td class=\"num score\">61.3</td>") && rowA.contains(">C</td>"), rowA);
        assertTrue(rowA.contains("href=\"/hub/evaluation/cases?period=2025-03&amp;site=" + A + "&amp;indicator=ON_TIME_CLOSE_RATE\""), "drill-down link");
        assertTrue(!html.contains("公众评价和热线回访不同步") && html.contains("公众满意度 15 ·") || html.contains("公众满意度 15</p>"), "公众满意度 is known on the hub");
        assertTrue(html.contains("工作日历不同步到汇聚平台"), "why 处置用时 is still not shown");
        assertTrue(!html.contains("告警合并是告警记录"), "重复上报 is known on the hub");
        assertEquals("3", cell(row(html, B), "DISPATCHED"), "乙镇 dispatched three times");

        String drill = leader.page().accept("text/html").get("/hub/evaluation/cases?period=2025-03&site=" + A + "&indicator=ON_TIME_CLOSE_RATE").then()
                .statusCode(200).extract().asString();
        assertEquals(4, count(drill, "<tr data-case-id="));
        assertEquals(2, count(drill, "data-counted=\"true\""));
        assertTrue(drill.contains("<a class=\"hub-case-link\" href=\"/hub/cases/" + A + "/1\">"), "each case opens its hub page");
        assertEquals(6, count(leader.page().accept("text/html").get("/hub/cases/" + A + "/1").then().statusCode(200).extract().asString(),
                "<tr class=\"history-row\">"), "A1's six history rows");

        JsonPath json = leader().accept("application/json").get("/api/hub/evaluation?from=2025-03-01&to=2025-03-31").then().statusCode(200)
                .extract().jsonPath();
        String a = "rows.find { it.siteId == '" + A + "' }";
        assertEquals(4, json.getInt(a + ".counts.DUE"));
        assertEquals(50.0f, json.getFloat(a + ".rates.ON_TIME_CLOSE_RATE"));
        assertEquals(61.3f, json.getFloat(a + ".score"));
        assertEquals("C", json.getString(a + ".grade"));
        assertEquals(4, json.getInt(a + ".counts.RATINGS"));
        assertEquals(2, json.getInt(a + ".counts.SATISFIED"));
        assertEquals(50.0f, json.getFloat(a + ".rates.SATISFACTION"));
        assertEquals(Boolean.TRUE, json.get("columns.find { it.code == 'SATISFACTION' }.known"));
        assertEquals(15, json.getInt("weights.SATISFACTION"));
        assertNull(json.get(a + ".counts.HANDLING_MINUTES"));
        assertEquals(1, json.getInt(a + ".counts.DUPLICATE_REPORTS"));
        assertEquals(Boolean.TRUE, json.get("columns.find { it.code == 'DUPLICATE_REPORTS' }.known"));

        byte[] xlsx = leader().get("/api/hub/evaluation/export.xlsx?period=2025-03").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> sheet = wb.getFirstSheet().read();
            List<String> header = sheet.get(0).stream().map(c -> c == null ? null : c.getText()).toList();
            Row xa = sheet.stream().filter(r -> A.equals(r.getCellText(1))).findFirst().orElseThrow();
            assertEquals("4", xa.getCellText(header.indexOf("应结案数")));
            assertEquals("50", xa.getCellText(header.indexOf("按期结案率")).replaceAll("\\.0$", ""));
            assertEquals("61.3", xa.getCellText(header.indexOf("综合得分")));
            assertEquals("C", xa.getCellText(header.indexOf("等级")));
            assertEquals("50", xa.getCellText(header.indexOf("公众满意度")).replaceAll("\\.0$", ""));
            assertEquals("4", xa.getCellText(header.indexOf("评价数")));
            assertEquals("1", xa.getCellText(header.indexOf("重复上报数")));
            assertEquals("—", xa.getCellText(header.indexOf("平均处置用时（工作时）")));
        }
        String csv = new String(leader().get("/api/hub/evaluation/export.csv?period=2025-03").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        String line = csv.lines().filter(l -> l.contains("," + A + ",")).findFirst().orElseThrow();
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().replace("\uFEFF", "").split(","));
        List<String> cells = List.of(line.split(","));
        assertEquals("4", cells.get(header.indexOf("应结案数")));
        assertEquals("50.0", cells.get(header.indexOf("按期结案率")));
        assertEquals("61.3", cells.get(header.indexOf("综合得分")));
        assertEquals("50.0", cells.get(header.indexOf("公众满意度")));
        assertEquals("2", cells.get(header.indexOf("满意数")));
        assertEquals("1", cells.get(header.indexOf("重复上报数")));

        String english = leader.page().cookie("civicgrid-lang", "en").accept("text/html").get("/hub/evaluation?period=2025-03").then().statusCode(200)
                .extract().asString();
        assertTrue(english.contains("Evaluation across towns") && !english.contains("Public ratings and hotline call-backs are not synced")
                && english.contains("working calendar, which is not synced"));
        assertEquals("50.0%", cell(row(english, A), "SATISFACTION"));
        assertEquals("50.0%", cell(row(english, A), "ON_TIME_CLOSE_RATE"));
    }

    @Test
    void onlyTheHubsLeadersAndAdminsSeeIt() {
        WebSession inspector = WebSession.signIn("hubinspector", PASSWORD);
        for (String path : List.of("/hub/evaluation?period=2025-03", "/api/hub/evaluation?period=2025-03", "/api/hub/evaluation/export.xlsx?period=2025-03",
                "/hub/evaluation/cases?period=2025-03&site=" + A + "&indicator=DUE")) {
            inspector.page().get(path).then().statusCode(403);
            if (path.startsWith("/api/")) {
                given().auth().preemptive().basic("hubinspector", PASSWORD).redirects().follow(false).get(path).then().statusCode(403);
            }
            int status = given().header("Authorization", "Bearer " + tokens.issue("ev-tok-" + UUID.randomUUID().toString().substring(0, 6), "戊镇"))
                    .redirects().follow(false).get(path).then().extract().statusCode();
            assertTrue(status == 401 || status == 403 || status == 302 || status == 303, path + ": a site's token is no sign-in (" + status + ")");
        }
        given().auth().preemptive().basic("hubadmin", PASSWORD).get("/api/hub/evaluation?period=2025-03").then().statusCode(200);
        WebSession.signIn("hubadmin", PASSWORD).page().get("/hub/evaluation?period=2025-03").then().statusCode(200);
        leader().get("/api/hub/evaluation/cases?period=2025-03&site=" + A + "&indicator=HANDLING_MINUTES").then().statusCode(400);
        leader().get("/api/hub/evaluation/cases?period=2025-03&site=" + A + "&indicator=RATINGS").then().statusCode(200)
                .body("edgeCaseId", org.hamcrest.Matchers.equalTo(List.of(1, 2, 4)));
        leader().get("/api/hub/evaluation?period=2025-13").then().statusCode(400);
        String bad = WebSession.signIn("hubleader", PASSWORD).page().accept("text/html").get("/hub/evaluation?period=2025-13").then().statusCode(400)
                .extract().asString();
        assertTrue(bad.contains("请按月（如 2026-11）、周（如 2026-W48）或日（如 2026-11-01）填写考核期"), "a wrong period is told in Chinese");
    }

    private static RequestSpecification leader() {
        return given().auth().preemptive().basic("hubleader", PASSWORD);
    }

    private static String row(String html, String site) {
        Matcher m = Pattern.compile("<tr data-site=\"" + Pattern.quote(site) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "a row for " + site);
        return m.group(1);
    }

    /** The text of a cell (without a link around it). */
    private static String cell(String row, String code) {
        Matcher m = Pattern.compile("<td class=\"num\" data-indicator=\"" + code + "\">(.*?)</td>", Pattern.DOTALL).matcher(row);
        assertTrue(m.find(), code);
        return m.group(1).replaceAll("<[^>]+>", "").trim();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(HubPostgresTest.URL + "?currentSchema=" + HubPostgresTest.SCHEMA,
                System.getProperty("civicgrid.test.pg-user", "postgres"), null);
    }
}
