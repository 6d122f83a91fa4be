package org.civicgrid.evaluation.desk;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The evaluation desk end to end in Chromium, this month: the leader records a 扣分 with its reason and approves it —
 * shown beside the computed score, which stays as it was; 市政 files a 申诉 about its case; the leader decides it; the
 * shift lead's unsatisfied 回访 reopens the closed case; the 月通报 draws its charts and grid heat map without a script
 * error.
 */
@QuarkusTest
class EvaluationDeskBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void deductionAppealDecisionCallBackAndReport() {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        long shizheng = Cases.departmentId("shizheng");
        long id = closedHotlineCase(shizheng);
        closedHotlineCase(shizheng); // stays closed on time: 市政 keeps a 按期结案率 for the report's ranking chart
        String number = Cases.get("acceptor", id).extract().path("number");

        // 1. 领导: a 扣分 with its reason, approved — beside the computed score
        try (Browser leader = Browser.open(base).signIn("leader")) {
            leader.go("/evaluation/entries?object=department&period=" + month);
            WebDriver d = leader.driver();
            String computed = row(d, shizheng).findElement(By.className("computed-score")).getText();
            assertTrue(computed.matches("\\d+(\\.\\d)?"), "市政 has a computed score this month: " + computed);
            new Select(d.findElement(By.id("key"))).selectByValue(String.valueOf(shizheng));
            new Select(d.findElement(By.id("direction"))).selectByValue("minus");
            d.findElement(By.id("points")).sendKeys("5");
            d.findElement(By.id("reason")).sendKeys("群众投诉处置不力，浏览器测试");
            d.findElement(By.id("propose-submit")).click();
            leader.await(Duration.ofSeconds(15)).until(x -> !x.findElements(By.id("entries-done")).isEmpty());
            WebElement entry = d.findElements(By.cssSelector("#entries tr[data-kind='ADJUSTMENT'].entry-pending")).stream()
                    .filter(tr -> tr.getText().contains("浏览器测试")).findFirst().orElseThrow();
            String entryId = entry.getAttribute("data-entry-id");
            entry.findElement(By.name("reason")).sendKeys("同意扣分");
            entry.findElement(By.className("approve")).click();
            leader.await(Duration.ofSeconds(15)).until(x -> !x.findElements(By.cssSelector("#entries tr[data-entry-id='" + entryId + "'].entry-approved"))
                    .isEmpty());
            WebElement after = row(d, shizheng);
            assertEquals(computed, after.findElement(By.className("computed-score")).getText(), "the computed score is not replaced");
            double points = Double.parseDouble(after.findElement(By.className("approved-points")).getText());
            assertTrue(points <= -5.0, "the approved 扣分 shows beside it: " + points);
            assertEquals(Math.round(10 * (Double.parseDouble(computed) + points)) / 10.0,
                    Double.parseDouble(after.findElement(By.className("adjusted-score")).getText()));
            leader.screenshot("evaluation-entries");
        }

        // 2. 市政: a 申诉 about its case
        String appealId;
        try (Browser dept = Browser.open(base).signIn("shizheng")) {
            dept.go("/evaluation/appeals");
            WebDriver d = dept.driver();
            d.findElement(By.id("caseNumber")).sendKeys(number);
            new Select(d.findElement(By.id("period"))).selectByValue(month);
            d.findElement(By.id("reason")).sendKeys("施工围挡影响处置，浏览器测试");
            d.findElement(By.id("appeal-submit")).click();
            dept.await(Duration.ofSeconds(15)).until(x -> !x.findElements(By.id("appeal-done")).isEmpty());
            WebElement mine = d.findElements(By.cssSelector("#appeals tbody tr")).stream().filter(tr -> tr.getText().contains(number)).findFirst()
                    .orElseThrow();
            appealId = mine.getAttribute("data-appeal-id");
            assertEquals("待裁决", mine.findElement(By.className("appeal-status")).getText().trim());
        }

        // 3. 领导 decides it
        try (Browser leader = Browser.open(base).signIn("leader")) {
            leader.go("/evaluation/entries?object=department&period=" + month);
            WebElement appeal = leader.driver().findElement(By.cssSelector("#entries tr[data-entry-id='" + appealId + "']"));
            assertEquals("APPEAL", appeal.getAttribute("data-kind"));
            appeal.findElement(By.name("points")).sendKeys("2");
            appeal.findElement(By.name("reason")).sendKeys("情况属实");
            appeal.findElement(By.className("approve")).click();
            leader.await(Duration.ofSeconds(15)).until(x -> !x.findElements(By.cssSelector("#entries tr[data-entry-id='" + appealId + "'].entry-approved"))
                    .isEmpty());
        }

        // 4. 值班长: the reporter is not satisfied — the 回访 reopens the case through the workflow
        try (Browser desk = Browser.open(base).signIn("shiftlead")) {
            desk.go("/callbacks");
            WebElement form = desk.driver().findElement(By.id("callback-" + id));
            form.findElement(By.className("unsatisfied")).click();
            form.findElement(By.name("note")).sendKeys("井盖仍然松动");
            assertTrue(form.findElement(By.className("reopen")).isSelected());
            form.findElement(By.tagName("button")).click();
            desk.await(Duration.ofSeconds(15)).until(x -> !x.findElements(By.id("callback-done")).isEmpty());
            assertEquals("reopened", desk.driver().findElement(By.id("callback-done")).getAttribute("data-done"));
            assertTrue(desk.driver().findElements(By.id("callback-" + id)).isEmpty(), "no longer waiting");
        }
        Cases.get("acceptor", id).body("stage", equalTo("HANDLING"));

        // 5. the 月通报 draws its charts and the heat map, without a script error
        try (Browser leader = Browser.open(base).signIn("leader")) {
            leader.go("/evaluation/report?kind=month");
            leader.await(Duration.ofSeconds(30)).until(x -> "drawn".equals(x.findElement(By.id("report")).getAttribute("data-charts")));
            WebDriver d = leader.driver();
            for (String chart : List.of("chart-trend", "chart-classes", "evaluation-chart-0", "evaluation-chart-1")) {
                assertEquals(1, d.findElements(By.cssSelector("#" + chart + " canvas")).size(), chart + " drawn on a canvas");
            }
            assertEquals("true", d.findElement(By.id("heat-map")).getAttribute("data-drawn"));
            assertTrue(!d.findElements(By.cssSelector("#heat-map .leaflet-overlay-pane canvas, #heat-map .leaflet-overlay-pane path")).isEmpty(),
                    "the unit grids are on the map");
            assertTrue(d.findElements(By.cssSelector("#grid-counts tbody tr")).size() >= 1, "this month's filings counted per grid");
            assertEquals(List.of(), leader.severeLogs(), "no script error");
            leader.screenshot("evaluation-report-month");
            ((JavascriptExecutor) d).executeScript("document.getElementById('chart-trend').scrollIntoView()");
            leader.screenshot("evaluation-report-charts");
            ((JavascriptExecutor) d).executeScript("document.getElementById('heat-map').scrollIntoView()");
            leader.screenshot("evaluation-report-heat-map");
        }
    }

    private static WebElement row(WebDriver d, long department) {
        return d.findElement(By.cssSelector("#scores tr[data-key='" + department + "']"));
    }

    /** A hotline case of 市政, handled, checked and closed now — due and closed on time this month, awaiting its 回访. */
    private static long closedHotlineCase(long department) {
        long id = EvaluationDeskTest.dispatched(department);
        Cases.act("shizheng", id, "signFor", Map.of()).statusCode(200);
        Cases.act("shizheng", id, "reportHandled", Map.of("note", "已修复")).statusCode(200);
        Cases.act("acceptor", id, "sendToCheck", Map.of("inspectorId", Cases.staffId("inspector"))).statusCode(200);
        Cases.act("inspector", id, "verify", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "close", Map.of()).statusCode(200);
        return id;
    }
}
