package org.civicgrid.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The indicators on a hand-built history in March of a year no other test uses (shaped like 2031: 03-03 a Monday, not a
 * leap year), driven through the real workflow with the clock pinned (Asia/Shanghai; working time 08:00–12:00, 14:00–18:00).
 * Every case has class 上水井盖 with the 立案条件 "破损超过25c㎡" = 4工作时, in the same unit grid.
 *
 * <pre>
 * case  dept      history                                                         evaluation deadline     March?
 * A     市政      派遣 Mon 09:00, 处置 11:00, 结案 11:30                             Mon 15:00               due, on time
 * B     供水→市政  派遣 09:00 供水, 回退 10:00, 派遣 10:00 市政, 处置 15:10, 结案 15:30  Mon 15:00 (not 16:00)   due, late
 * C     市政      派遣 09:00, 处置 10:00 返工, 11:00 返工, 14:30 核查通过, 结案 16:00  Mon 15:00 (rework ≠ reset) due, late, handled on time, 返工 once
 * D     市政      派遣 09:00, 延期 4工作时 approved 10:00, 处置 Tue 08:00, 结案 08:30    Tue 09:00 (15:00 + 4h)  due, on time, 延期
 * E     市政      派遣 09:00, 挂账 11:00 (2h left), 恢复 Wed 09:00, 结案 Wed 10:30       Wed 11:00               due, on time
 * F     市政      派遣 09:00, 挂账 10:00, still suspended at the end of March           —                       not due (挂账)
 * G, G2 园林      派遣 09:00, nothing since                                          Mon 15:00               due, overdue, open
 * H     市政      派遣 Mon 03-31 16:00                                               Tue 04-01 10:00         not due (April)
 * I     市政      派遣 Fri 02-28 17:00, 结案 17:30 (another grid)                                   Mon 03-03 11:00         not due (closed early in February)
 * K     市政      派遣 09:00, 处置 11:00, 结案 11:30, 重新开启 Tue 09:00                 Mon 15:00               due, not closed
 * </pre>
 * 市政: 应结案 6 (A B C D E K), 结案 5, 按期结案 3 (A D E) → 50.0 %, 结案率 83.3 %, 按期处置 5 (A C D E K), 返工 1 → 16.7 %,
 * 延期 1, 超期 3, 派遣 8 (A B C D E F H K), 挂账 2 (E F). 供水: 派遣 1, 回退 1 → 回退率 100 %, nothing due → "–".
 * 园林: 应结案 2, 按期 0 → 0.0 % (not "–", not missing). The grid: 立案 10 in March; 重复发案 1 (H: A of its class
 * and grid was closed 28 days before; the others were filed before any closure) → 10.0 %.
 * <p>平均处置用时 of 市政, in working time from the first 派遣 to the last 处置反馈, 挂账 left out: A 2 h (09–11), B 4 h 10
 * (09–12, 14–15:10; the first 派遣 went to 供水), C 3 h 30 (last 处置 14:30), D 7 h (Mon 09–12, 14–18, Tue 08:00), E 3 h
 * (Mon 09:00 → Wed 10:00 is 17 h, less the 挂账 Mon 11:00 → Wed 09:00 of 14 h), K 2 h → 1,300 min over 6 handled →
 * 3.6 h. 园林 handled nothing → "–".
 * <p>Roll-up: G2 is made a case of no community (its grid lies outside every community) — it counts for its grid,
 * street and the county, not for any community. The dispatcher dispatched 11 times in March (B twice), one returned.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationIndicatorsTest {

    /**
     * A year no other test (or earlier run on the same data directory) uses, shaped like 2031: not a leap year and
     * 3 March a Monday, so the history below reads the same.
     */
    static final String Y = String.valueOf(year());
    long shizheng;
    long gongshui;
    long yuanlin;
    long condition;
    long inspector;
    String grid;
    final Map<String, Long> ids = new java.util.HashMap<>();

    boolean built;
    String community;
    String street;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    /** Once per class, from the first test (RestAssured knows the random test port only around each test). */
    @BeforeEach
    void history() {
        if (built) {
            return;
        }
        built = true;
        shizheng = Cases.departmentId("shizheng");
        gongshui = Cases.departmentId("gongshui");
        yuanlin = Cases.departmentId("yuanlin");
        condition = Cases.conditionId("component:0101", "破损超过25");
        inspector = Cases.staffId("inspector");

        at(Y + "-02-28T17:00:00");
        long i = dispatched("I", shizheng, 35.6650, 117.2650);
        close(i, "shizheng", Y + "-02-28T17:10:00", Y + "-02-28T17:30:00");

        at(Y + "-03-03T09:00:00");
        for (String name : List.of("A", "C", "D", "E", "F", "K")) {
            dispatched(name, shizheng);
        }
        dispatched("G", yuanlin);
        dispatched("G2", yuanlin);
        long b = dispatched("B", gongshui);
        grid = Cases.get("acceptor", b).extract().path("gridCode");
        for (String name : List.of("A", "C", "D", "E", "F", "K")) {
            act("shizheng", name, "signFor", Map.of());
        }
        act("gongshui", "B", "requestReturn", Map.of("note", "非本部门职责"));
        at(Y + "-03-03T10:00:00");
        act("dispatcher", "B", "approveReturn", Map.of());
        act("dispatcher", "B", "dispatch", Map.of("departmentId", shizheng));
        act("shizheng", "B", "signFor", Map.of());
        close(ids.get("B"), "shizheng", Y + "-03-03T15:10:00", Y + "-03-03T15:30:00");
        close(ids.get("A"), "shizheng", Y + "-03-03T11:00:00", Y + "-03-03T11:30:00");
        close(ids.get("K"), "shizheng", Y + "-03-03T11:00:00", Y + "-03-03T11:30:00");
        at(Y + "-03-04T09:00:00");
        act("shiftlead", "K", "reopen", Map.of("note", "回访不满意"));

        at(Y + "-03-03T10:00:00");
        handled("C");
        check("C", "rework");
        at(Y + "-03-03T11:00:00");
        handled("C");
        check("C", "rework");
        close(ids.get("C"), "shizheng", Y + "-03-03T14:30:00", Y + "-03-03T16:00:00");

        at(Y + "-03-03T09:30:00");
        act("shizheng", "D", "requestExtension", Map.of("note", "需采购配件", "extension", "4工作时"));
        at(Y + "-03-03T10:00:00");
        act("dispatcher", "D", "approveExtension", Map.of());
        close(ids.get("D"), "shizheng", Y + "-03-04T08:00:00", Y + "-03-04T08:30:00");

        at(Y + "-03-03T10:00:00");
        act("shizheng", "F", "requestSuspend", Map.of("note", "待道路施工结束"));
        act("dispatcher", "F", "approveSuspend", Map.of());
        at(Y + "-03-03T10:30:00");
        act("shizheng", "E", "requestSuspend", Map.of("note", "待道路施工结束"));
        at(Y + "-03-03T11:00:00");
        act("dispatcher", "E", "approveSuspend", Map.of());
        at(Y + "-03-05T09:00:00");
        act("dispatcher", "E", "resume", Map.of());
        close(ids.get("E"), "shizheng", Y + "-03-05T10:00:00", Y + "-03-05T10:30:00");

        at(Y + "-03-31T16:00:00");
        dispatched("H", shizheng);
        at(Y + "-03-31T20:00:00");
        community = Cases.get("acceptor", ids.get("G2")).extract().path("communityCode");
        street = Cases.get("acceptor", ids.get("G2")).extract().path("streetCode");
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement st = c.prepareStatement("UPDATE case_file SET community_code = NULL WHERE id = ?")) {
            st.setLong(1, ids.get("G2"));
            assertEquals(1, st.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void releaseClock() {
        MutableClock.release();
    }

    @Test
    void departmentsInMarch() {
        JsonPath table = table("department", Y + "-03");
        String s = "rows.find { it.key == '" + shizheng + "' }.";
        assertEquals(6, table.getInt(s + "counts.DUE"));
        assertEquals(5, table.getInt(s + "counts.CLOSED"));
        assertEquals(3, table.getInt(s + "counts.CLOSED_ON_TIME"));
        assertEquals(3, table.getInt(s + "counts.OVERDUE"));
        assertEquals(5, table.getInt(s + "counts.HANDLED_ON_TIME"));
        assertEquals(1, table.getInt(s + "counts.REWORKED"));
        assertEquals(1, table.getInt(s + "counts.EXTENDED"));
        assertEquals(8, table.getInt(s + "counts.DISPATCHED"));
        assertEquals(0, table.getInt(s + "counts.RETURNED"));
        assertEquals(2, table.getInt(s + "counts.SUSPENDED"));
        assertEquals(50.0, table.getDouble(s + "rates.ON_TIME_CLOSE_RATE"));
        assertEquals(83.3, table.getDouble(s + "rates.CLOSE_RATE"));
        assertEquals(83.3, table.getDouble(s + "rates.ON_TIME_HANDLE_RATE"));
        assertEquals(16.7, table.getDouble(s + "rates.REWORK_RATE"));
        assertEquals(16.7, table.getDouble(s + "rates.EXTENSION_RATE"));
        assertEquals(6, table.getInt(s + "counts.HANDLED"));
        assertEquals(1300, table.getInt(s + "counts.HANDLING_MINUTES"));
        assertEquals(3.6, table.getDouble(s + "rates.AVERAGE_HANDLING_TIME"));

        String g = "rows.find { it.key == '" + gongshui + "' }.";
        assertEquals(1, table.getInt(g + "counts.DISPATCHED"));
        assertEquals(1, table.getInt(g + "counts.RETURNED"));
        assertEquals(100.0, table.getDouble(g + "rates.RETURN_RATE"));
        assertEquals(0.0, table.getDouble(g + "rates.ACCURATE_DISPATCH_RATE"));
        assertEquals(0, table.getInt(g + "counts.DUE"));
        assertNull(table.get(g + "rates.ON_TIME_CLOSE_RATE"));

        String y = "rows.find { it.key == '" + yuanlin + "' }.";
        assertEquals(2, table.getInt(y + "counts.DUE"));
        assertEquals(2, table.getInt(y + "counts.OVERDUE"));
        assertEquals(0.0, table.getDouble(y + "rates.ON_TIME_CLOSE_RATE"));
        assertEquals(0.0, table.getDouble(y + "rates.CLOSE_RATE"));
        assertEquals(0, table.getInt(y + "counts.HANDLED"));
        assertNull(table.get(y + "rates.AVERAGE_HANDLING_TIME"));
    }

    @Test
    void placesRollUpAndACaseWithoutCommunityCountsEverywhereElse() {
        String month = Y + "-03";
        String g = "rows.find { it.key == '" + grid + "' }.";
        JsonPath grids = table("grid", month);
        assertEquals(10, grids.getInt(g + "counts.FILED"));
        assertEquals(8, grids.getInt(g + "counts.DUE"));
        String st = "rows.find { it.key == '" + street + "' }.";
        JsonPath streets = table("street", month);
        assertEquals(10, streets.getInt(st + "counts.FILED"));
        assertEquals(8, streets.getInt(st + "counts.DUE"));
        assertEquals(1300, streets.getInt(st + "counts.HANDLING_MINUTES"), "园林's cases were never handled");
        String co = "rows.find { it.key == '" + community + "' }.";
        JsonPath communities = table("community", month);
        assertEquals(9, communities.getInt(co + "counts.FILED"), "G2 lies in no community");
        assertEquals(7, communities.getInt(co + "counts.DUE"));
        assertEquals(1, communities.getInt(co + "counts.RECURRED"));
        JsonPath county = table("county", month);
        assertEquals(10, county.getInt("rows[0].counts.FILED"));
        assertEquals(8, county.getInt("rows[0].counts.DUE"));
        assertEquals(3, county.getInt("rows[0].counts.CLOSED_ON_TIME"));
        assertEquals(37.5, county.getDouble("rows[0].rates.ON_TIME_CLOSE_RATE"));
        assertEquals(9, communities.getList("rows.counts.FILED", Integer.class).stream().mapToInt(i -> i).sum(), "no community has G2");
    }

    @Test
    void postsAnswerForTheirOwnActions() {
        JsonPath posts = table("post", Y + "-03");
        String d = "rows.find { it.key == '" + Cases.staffId("dispatcher") + "' }.";
        assertEquals(11, posts.getInt(d + "counts.DISPATCHED"), "B was dispatched twice (回退 in between)");
        assertEquals(1, posts.getInt(d + "counts.RETURNED"));
        assertEquals(90.9, posts.getDouble(d + "rates.ACCURATE_DISPATCH_RATE"));
        String l = "rows.find { it.key == '" + Cases.staffId("shiftlead") + "' }.";
        assertEquals(10, posts.getInt(l + "counts.FILED"));
        assertEquals(0, posts.getInt(l + "counts.DUE"), "a due case is its department's, not a person's");
    }

    @Test
    void periodBoundaries() {
        String s = "rows.find { it.key == '" + shizheng + "' }.";
        JsonPath february = table("department", Y + "-02");
        assertEquals(1, february.getInt(s + "counts.DUE"), "I fell due when it was closed, in February");
        assertEquals(1, february.getInt(s + "counts.CLOSED_ON_TIME"));
        JsonPath april = table("department", Y + "-04");
        assertEquals(0, april.getInt(s + "counts.DUE"), "H falls due on 1 April, which has not come yet at the pinned clock's 31 March");
        JsonPath week = table("department", week());
        assertEquals(6, week.getInt(s + "counts.DUE"), "the week of 3 March holds all of March's due cases of 市政");
    }

    /**
     * A period that ends inside histories: evaluation reads a case's kept fact only when the period ends after its newest
     * row, else replays its history up to the period's end. 1–3 March (to Tue 00:00): A, B, C and K fell due on Monday
     * and all four were closed by then — K counts as closed on time although it was reopened on Tuesday (its fact says
     * reopened); D's deadline had moved to Tuesday by its 延期; E was still suspended at the period's end.
     */
    @Test
    void aPeriodEndingInsideHistoriesReplaysThem() {
        String s = "rows.find { it.key == '" + shizheng + "' }.";
        JsonPath days = Api.as("leader").queryParam("object", "department").queryParam("from", Y + "-03-01").queryParam("to", Y + "-03-03")
                .when().get("/api/evaluation").then().statusCode(200).extract().jsonPath();
        assertEquals(4, days.getInt(s + "counts.DUE"));
        assertEquals(4, days.getInt(s + "counts.CLOSED"), "K was closed on Monday; its reopening came after the period");
        assertEquals(2, days.getInt(s + "counts.CLOSED_ON_TIME"), "A and K");
        assertEquals(List.of(ids.get("A"), ids.get("B"), ids.get("C"), ids.get("K")).stream().sorted().toList(),
                java.util.Arrays.stream(Api.as("leader").queryParam("object", "department").queryParam("from", Y + "-03-01").queryParam("to", Y + "-03-03")
                        .queryParam("key", shizheng).queryParam("indicator", "CLOSED").when().get("/api/evaluation/cases").then().statusCode(200)
                        .extract().as(Long[].class)).sorted().toList());
    }

    /** Each case's kept evaluation fact is the fold of its whole history (written with each row, alert batches included). */
    @Test
    void factsFollowTheHistory() {
        for (long id : ids.values()) {
            org.civicgrid.cases.facts.CaseFact kept = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                    org.civicgrid.cases.facts.CaseFact.<org.civicgrid.cases.facts.CaseFact>findById(id));
            List<org.civicgrid.cases.CaseTransition> rows = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                    org.civicgrid.cases.CaseTransition.of(id));
            assertEquals(org.civicgrid.cases.facts.CaseFact.fold(id, rows).values(), kept.values(), "case " + id);
        }
    }

    @Test
    void gridRecurrenceAndFiling() {
        JsonPath table = table("grid", Y + "-03");
        String r = "rows.find { it.key == '" + grid + "' }.";
        assertEquals(grid, Cases.get("acceptor", ids.get("A")).extract().path("gridCode"));
        org.junit.jupiter.api.Assertions.assertNotEquals(grid, Cases.get("acceptor", ids.get("I")).extract().path("gridCode"), "I lies in another grid");
        assertEquals(10, table.getInt(r + "counts.FILED"));
        assertEquals(10, table.getInt(r + "counts.REPORTED"));
        assertEquals(1, table.getInt(r + "counts.RECURRED"));
        assertEquals(10.0, table.getDouble(r + "rates.RECURRENCE_RATE"));
        assertEquals(8, table.getInt(r + "counts.DUE"));
        assertEquals(10, table.getInt(r + "counts.PUBLIC_FILED"), "hotline reports count as public reports (监督举报率)");
        String definition = table.getString("definitions.RECURRED");
        assertEquals(true, definition.contains("30天"), definition);
    }

    @Test
    void drillDownListsTheCasesBehindAFigure() {
        List<Integer> onTime = Api.as("leader").queryParam("object", "department").queryParam("key", String.valueOf(shizheng))
                .queryParam("indicator", "CLOSED_ON_TIME").queryParam("period", Y + "-03").when().get("/api/evaluation/cases").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertEquals(List.of(ids.get("A"), ids.get("D"), ids.get("E")).stream().sorted().toList(), onTime.stream().map(Integer::longValue).toList());
        List<Integer> due = Api.as("leader").queryParam("object", "department").queryParam("key", String.valueOf(shizheng))
                .queryParam("indicator", "ON_TIME_CLOSE_RATE").queryParam("period", Y + "-03").when().get("/api/evaluation/cases").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertEquals(List.of("A", "B", "C", "D", "E", "K").stream().map(ids::get).sorted().toList(), due.stream().map(Integer::longValue).toList(),
                "a rate drills into the cases it is taken over (应结案)");
    }

    @Test
    void screenAndPortalUseTheSameFigures() {
        // the defect: counting only closed cases against the newest deadline gave 市政 100 % and dropped 园林
        JsonPath screen = Api.as("leader").when().get("/api/screen/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(50.0, screen.getDouble("departments.find { it.name == '县市政工程服务中心' }.rate"), screen.prettify());
        assertEquals(6, screen.getInt("departments.find { it.name == '县市政工程服务中心' }.due"));
        assertEquals(0.0, screen.getDouble("departments.find { it.name == '县园林绿化服务中心' }.rate"));
        assertEquals(8, screen.getInt("monthRates.due"));
        assertEquals(37.5, screen.getDouble("monthRates.onTimeRate"));
        JsonPath portal = io.restassured.RestAssured.given().accept("application/json").when().get("/api/public/results").then().statusCode(200)
                .extract().jsonPath();
        // the portal covers the last 90 days: March and I (closed early on 28 February) → 4 on time of 7 due
        assertEquals(57.1, portal.getDouble("departments.find { it.department == '县市政工程服务中心' }.onTimeRate"), portal.prettify());
        assertEquals(7, portal.getInt("departments.find { it.department == '县市政工程服务中心' }.due"));
        assertEquals(0.0, portal.getDouble("departments.find { it.department == '县园林绿化服务中心' }.onTimeRate"));
        assertEquals(2, portal.getInt("departments.find { it.department == '县园林绿化服务中心' }.due"));
    }

    @Test
    void pageRanksAndLinksEachNumberToItsCases() {
        org.civicgrid.testsupport.WebSession leader = org.civicgrid.testsupport.WebSession.signIn("leader");
        String page = leader.page().queryParam("object", "department").queryParam("period", Y + "-03").when().get("/evaluation").then()
                .statusCode(200).extract().asString();
        String drill = "/evaluation/cases?object=department&amp;period=" + Y + "-03&amp;key=" + shizheng + "&amp;indicator=ON_TIME_CLOSE_RATE";
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("href=\"" + drill + "\">50.0%</a>"), page);
        // 平均处置用时 is shown in its unit (working hours), not as a per cent
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("&amp;key=" + shizheng + "&amp;indicator=AVERAGE_HANDLING_TIME\">3.6工作时</a>"), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("id=\"definitions\"") && page.contains("同一单元网格同类案件"), "definitions printed");
        String cases = leader.page().when().get(drill.replace("&amp;", "&")).then().statusCode(200).extract().asString();
        for (String name : List.of("A", "B", "C", "D", "E", "K")) {
            org.junit.jupiter.api.Assertions.assertTrue(cases.contains("data-case-id=\"" + ids.get(name) + "\""), name + " listed");
        }
        org.junit.jupiter.api.Assertions.assertTrue(cases.contains("data-case-id=\"" + ids.get("A") + "\" data-counted=\"true\""));
        org.junit.jupiter.api.Assertions.assertTrue(cases.contains("data-case-id=\"" + ids.get("B") + "\" data-counted=\"false\""));
        org.civicgrid.testsupport.WebSession.signIn("shizheng").page().when().get("/evaluation").then().statusCode(403);
    }

    @Test
    void exportsCarryTheSameFigures() throws Exception {
        byte[] xlsx = Api.as("leader").accept("*/*").queryParam("object", "department").queryParam("period", Y + "-03").when().get("/api/evaluation/export.xlsx")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("spreadsheetml")).extract().asByteArray();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            org.dhatim.fastexcel.reader.Sheet sheet = wb.getFirstSheet();
            assertEquals("排名", sheet.getName());
            List<org.dhatim.fastexcel.reader.Row> rows = sheet.read();
            List<String> header = rows.get(0).stream().map(c -> c == null ? null : c.getText()).toList();
            int due = header.indexOf("应结案数");
            int rate = header.indexOf("按期结案率");
            org.civicgrid.evaluation.EvaluationIndicatorsTest.assertHeader(header);
            org.dhatim.fastexcel.reader.Row row = rows.stream().filter(r -> "县市政工程服务中心".equals(r.getCellText(1))).findFirst().orElseThrow();
            assertEquals("6", row.getCellText(due));
            assertEquals("50", row.getCellText(rate).replaceAll("\\.0$", ""));
            long departments = rows.stream().skip(1).map(r -> r.getCellText(1)).distinct().count();
            assertEquals(rows.size() - 1, departments, "one row per department");
        }
        String csv = Api.as("leader").accept("*/*").queryParam("object", "department").queryParam("period", Y + "-03").when().get("/api/evaluation/export.csv")
                .then().statusCode(200).extract().asString();
        String line = csv.lines().filter(l -> l.contains("县市政工程服务中心")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(line.contains(",6,") && line.contains(",50.0,"), line);
    }

    static void assertHeader(List<String> header) {
        org.junit.jupiter.api.Assertions.assertTrue(header.containsAll(List.of("排名", "考核对象", "应结案数", "按期结案率", "结案率", "返工率", "综合得分", "等级")),
                header.toString());
    }

    @Test
    void leaderWorkbenchShowsTheMonthsKeyFigures() {
        String page = org.civicgrid.testsupport.WebSession.signIn("leader").page().when().get("/").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.matches("(?s).*id=\"kf_onTimeCloseRate\" href=\"/evaluation/cases\\?object=county&amp;period="
                + Y + "-03&amp;key=[^\"]+&amp;indicator=ON_TIME_CLOSE_RATE\"><b>37.5%</b>.*"), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("id=\"kf_overdue\" href=\"/cases?queue=OVERDUE\""));
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("id=\"kf_closeRate\"") && page.contains("<b>62.5%</b>"), "5 of 8 closed");
        String dispatcher = org.civicgrid.testsupport.WebSession.signIn("dispatcher").page().when().get("/").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(dispatcher.contains("key-figures"), "the key figures are the leader's");
    }

    @Test
    void reportsComparePeriods() {
        org.civicgrid.testsupport.WebSession leader = org.civicgrid.testsupport.WebSession.signIn("leader");
        String month = leader.page().queryParam("kind", "month").queryParam("period", Y + "-03").when().get("/evaluation/report").then()
                .statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(month.contains("月通报 · " + Y + "-03") && month.contains("id=\"county-figures\"")
                && month.contains("<td>按期结案率</td><td class=\"num\">37.5%</td><td class=\"num\">100.0%</td>"), month);
        leader.page().queryParam("kind", "week").queryParam("period", week()).when().get("/evaluation/report").then().statusCode(200);
        leader.page().queryParam("kind", "day").queryParam("period", Y + "-03-03").when().get("/evaluation/report").then().statusCode(200);
        leader.page().queryParam("kind", "year").when().get("/evaluation/report").then().statusCode(400);
    }

    @Test
    void badInputIsRefused() {
        Api.as("leader").queryParam("object", "planet").when().get("/api/evaluation").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("object"));
        Api.as("leader").queryParam("period", "March").when().get("/api/evaluation").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("period"));
        Api.as("shizheng").when().get("/api/evaluation").then().statusCode(403);
    }

    private static int year() {
        java.util.Random random = new java.util.Random();
        while (true) {
            int y = 2100 + random.nextInt(900);
            java.time.LocalDate march3 = java.time.LocalDate.of(y, 3, 3);
            if (!march3.isLeapYear() && march3.getDayOfWeek() == java.time.DayOfWeek.MONDAY) {
                return y;
            }
        }
    }

    private static String week() {
        java.time.LocalDate march3 = java.time.LocalDate.of(Integer.parseInt(Y), 3, 3);
        return "%d-W%02d".formatted(march3.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR), march3.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static JsonPath table(String object, String period) {
        return Api.as("leader").queryParam("object", object).queryParam("period", period).when().get("/api/evaluation").then().statusCode(200)
                .extract().jsonPath();
    }

    private long dispatched(String name, long department) {
        return dispatched(name, department, Cases.LAT, Cases.LON);
    }

    private long dispatched(String name, long department, double lat, double lon) {
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", lat, lon);
        ids.put(name, id);
        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "file", Map.of("conditionId", condition)).statusCode(200);
        Cases.act("dispatcher", id, "dispatch", Map.of("departmentId", department)).statusCode(200);
        return id;
    }

    private void close(long id, String department, String handledAt, String closedAt) {
        at(handledAt);
        if (!"HANDLING".equals(Cases.get("acceptor", id).extract().path("stage"))) {
            Cases.act(department, id, "signFor", Map.of()).statusCode(200);
        }
        Cases.act(department, id, "reportHandled", Map.of("note", "已修复")).statusCode(200);
        Cases.act("acceptor", id, "sendToCheck", Map.of("inspectorId", inspector)).statusCode(200);
        Cases.act("inspector", id, "verify", Map.of()).statusCode(200);
        at(closedAt);
        Cases.act("shiftlead", id, "close", Map.of()).statusCode(200);
    }

    private void handled(String name) {
        Cases.act("shizheng", ids.get(name), "reportHandled", Map.of("note", "已修复")).statusCode(200);
    }

    private void check(String name, String outcome) {
        Cases.act("acceptor", ids.get(name), "sendToCheck", Map.of("inspectorId", inspector)).statusCode(200);
        Cases.act("inspector", ids.get(name), outcome, Map.of("note", "井盖未固定")).statusCode(200);
    }

    private void act(String user, String name, String action, Map<String, ?> body) {
        Cases.act(user, ids.get(name), action, body).statusCode(200);
    }

    private static void at(String local) {
        MutableClock.at(local);
    }
}
