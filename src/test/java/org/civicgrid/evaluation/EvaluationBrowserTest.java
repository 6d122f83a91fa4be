package org.civicgrid.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The leader in a real browser: opens /evaluation for a past month (random, before any other test's cases) in which
 * 市政 had one case closed on time and one overdue, sees the chart drawn, drills from 市政's 按期结案率 into its two
 * cases, and exports the xlsx — opened with fastexcel's reader: the sheet, the headers, one row per department and the
 * same figures as the page.
 */
@QuarkusTest
class EvaluationBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void leaderDrillsIntoADepartmentAndExports() throws Exception {
        Random random = new Random();
        LocalDate monday = LocalDate.of(1995 + random.nextInt(25), 1 + random.nextInt(12), 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        String month = monday.toString().substring(0, 7);
        long shizheng = Cases.departmentId("shizheng");
        long condition = Cases.conditionId("component:0101", "破损超过25");
        Map<String, Long> ids = new HashMap<>();
        try {
            MutableClock.at(monday + "T09:00:00");
            for (String name : List.of("onTime", "overdue")) {
                long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
                Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
                Cases.act("shiftlead", id, "file", Map.of("conditionId", condition)).statusCode(200);
                Cases.act("dispatcher", id, "dispatch", Map.of("departmentId", shizheng)).statusCode(200);
                Cases.act("shizheng", id, "signFor", Map.of()).statusCode(200);
                ids.put(name, id);
            }
            long id = ids.get("onTime");
            Cases.act("shizheng", id, "reportHandled", Map.of("note", "已修复")).statusCode(200);
            Cases.act("acceptor", id, "sendToCheck", Map.of("inspectorId", Cases.staffId("inspector"))).statusCode(200);
            Cases.act("inspector", id, "verify", Map.of()).statusCode(200);
            Cases.act("shiftlead", id, "close", Map.of()).statusCode(200);
        } finally {
            MutableClock.release();
        }

        try (Browser browser = Browser.open(base).signIn("leader")) {
            browser.go("/evaluation?object=department&period=" + month);
            browser.await(Duration.ofSeconds(30)).until(d -> "true".equals(d.findElement(By.id("evaluation-chart")).getAttribute("data-drawn")));
            assertEquals(1, browser.driver().findElements(By.cssSelector("#evaluation-chart canvas")).size(), "chart drawn");
            WebElement row = browser.driver().findElement(By.cssSelector("#evaluation-table tr[data-key='" + shizheng + "']"));
            WebElement rate = row.findElement(By.cssSelector("td[data-indicator='ON_TIME_CLOSE_RATE'] a"));
            assertEquals("50.0%", rate.getText());
            String due = row.findElement(By.cssSelector("td[data-indicator='DUE']")).getText();
            assertEquals("2", due);
            browser.screenshot("evaluation-" + month);
            String xlsxHref = browser.driver().findElement(By.id("export-xlsx")).getAttribute("href");

            rate.click();
            browser.await(Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("drill-cases")).isEmpty());
            List<WebElement> lines = browser.driver().findElements(By.cssSelector("#drill-cases tbody tr"));
            assertEquals(List.of(ids.get("onTime"), ids.get("overdue")), lines.stream().map(l -> Long.parseLong(l.getAttribute("data-case-id"))).toList());
            assertEquals("true", lines.get(0).getAttribute("data-counted"), "the on-time case is in the numerator");
            assertEquals("false", lines.get(1).getAttribute("data-counted"));
            assertTrue(browser.driver().findElement(By.id("drill-title")).getText().contains("按期结案率"));

            Map<String, String> cookies = new HashMap<>();
            for (Cookie c : browser.driver().manage().getCookies()) {
                cookies.put(c.getName(), c.getValue());
            }
            byte[] xlsx = RestAssured.given().cookies(cookies).when().get(URI.create(xlsxHref)).then().statusCode(200)
                    .extract().asByteArray();
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = wb.getFirstSheet();
                assertEquals("排名", sheet.getName());
                List<Row> rows = sheet.read();
                List<String> header = rows.get(0).stream().map(c -> c == null ? null : c.getText()).toList();
                EvaluationIndicatorsTest.assertHeader(header);
                List<String> names = rows.stream().skip(1).map(r -> r.getCellText(1)).toList();
                assertEquals(names.size(), names.stream().distinct().count(), "one row per department");
                assertTrue(names.contains("县市政工程服务中心") && names.size() >= 11, names.toString());
                Row shizhengRow = rows.stream().filter(r -> "县市政工程服务中心".equals(r.getCellText(1))).findFirst().orElseThrow();
                assertEquals(due, shizhengRow.getCellText(header.indexOf("应结案数")));
                assertEquals(50.0, Double.parseDouble(shizhengRow.getCellText(header.indexOf("按期结案率"))));
                assertEquals("1", shizhengRow.getCellText(header.indexOf("超期案件数")));
            }
        }
    }
}
