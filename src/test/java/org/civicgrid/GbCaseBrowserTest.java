package org.civicgrid;

import static org.civicgrid.testsupport.CaseForms.act;
import static org.civicgrid.testsupport.CaseForms.assertStage;
import static org.civicgrid.testsupport.CaseForms.open;
import static org.civicgrid.testsupport.CaseForms.selectContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Await;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.GpsJpeg;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 19, done when: a GB/T 47678.5 case from the collector (污水井盖 component:01002) is filed under the 运城 standard
 * its legacy class 0102 brings through the mapping, dispatched with a 派遣意见, handled with a 处置后 photo from the
 * case page, checked on /m/ where the inspector sees the 处置后 photo beside the 上报 photo, and closed. Screenshots
 * under {@code target/screenshots/gb-*}.
 */
@QuarkusTest
class GbCaseBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aGbCaseFromTheCollectorGoesRoundWithPhotos() throws Exception {
        String ref = "gb-" + UUID.randomUUID();
        long id = ((Number) Api.as("inspector").contentType("multipart/form-data").multiPart("clientRef", ref)
                .multiPart("classCode", "component:01002").multiPart("photo", "before.jpg", GpsJpeg.plain(), "image/jpeg")
                .multiPart("lat", String.valueOf(Cases.LAT)).multiPart("lon", String.valueOf(Cases.LON))
                .when().post("/api/m/reports").then().statusCode(201).extract().path("id")).longValue();
        if ("REPORTED".equals(Cases.get("acceptor", id).extract().path("stage"))) {
            Cases.act("acceptor", id, "accept", java.util.Map.of()).statusCode(200);
        }
        String casePath = "/cases/" + id;
        Path after = GpsJpeg.file(GpsJpeg.plain(), "after-fix.jpg");
        try (Browser browser = Browser.open(base)) {
            WebDriver d = browser.driver();

            // 值班长: files it; the 立案条件 come from legacy 0102 through the mapping
            as(browser, "shiftlead");
            browser.go(casePath);
            assertTrue(d.findElement(By.id("facts")).getText().contains("污水井盖"), "class name shown");
            act(browser, "file", form -> selectContaining(form.findElement(By.name("conditionId")), "破损超过25"));
            assertStage(d, "待派遣");

            // 派遣员: dispatches with a 派遣意见
            as(browser, "dispatcher");
            browser.go(casePath);
            act(browser, "dispatch", form -> {
                selectContaining(form.findElement(By.name("departmentId")), "县市政工程服务中心");
                form.findElement(By.name("note")).sendKeys("请今日内更换");
            });
            assertTrue(d.findElement(By.id("history")).getText().contains("请今日内更换"), "派遣意见 in the history");

            // 专业部门: signs for it and reports it handled with the 处置后 photo
            as(browser, "shizheng");
            browser.go(casePath);
            act(browser, "signFor", form -> { });
            act(browser, "reportHandled", form -> {
                form.findElement(By.name("note")).sendKeys("已更换污水井盖");
                form.findElement(By.name("photo")).sendKeys(after.toString());
            });
            assertStage(d, "待核查");
            assertEquals(1, d.findElements(By.cssSelector("#phase-AFTER img")).size(), "the 处置后 photo on the case page");
            assertEquals(1, d.findElements(By.cssSelector("#phase-BEFORE img")).size(), "beside the 上报 photo");
            browser.screenshot("gb-01-case-before-after");

            // 受理员: sends the inspector to check
            as(browser, "acceptor");
            browser.go(casePath);
            long inspector = Cases.staffId("inspector");
            act(browser, "sendToCheck", form -> new Select(form.findElement(By.name("inspectorId"))).selectByValue(String.valueOf(inspector)));

            // 监督员 on /m/: the 核查 task shows the department's note and its photo beside the 上报 photo
            as(browser, "inspector");
            browser.go("/m/");
            d.findElement(By.id("tab-tasks")).click();
            String number = Cases.get("acceptor", id).extract().path("number");
            WebElement task = browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#task-list li.task[data-case='" + number + "'] button")));
            task.click();
            browser.await(Duration.ofSeconds(20)).until(x -> !x.findElements(By.cssSelector("#task-detail .m-phase-AFTER img")).isEmpty());
            assertEquals(1, d.findElements(By.cssSelector("#task-detail .m-phase-BEFORE img")).size());
            assertTrue(d.findElement(By.cssSelector("#task-detail .m-handled-note")).getText().contains("已更换污水井盖"));
            WebElement[] buttons = d.findElements(By.cssSelector("#task-detail .answer")).toArray(new WebElement[0]);
            assertTrue(buttons[0].getAttribute("class").contains("answer-verify"), "the positive answer first");
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById('task-detail').scrollIntoView()");
            browser.screenshot("gb-02-collector-check-task");
            d.findElement(By.cssSelector("#task-detail input[type=file]")).sendKeys(after.toString());
            d.findElement(By.cssSelector("#task-detail .answer-verify")).click();
            Await.until("核查通过 sent from the phone", Duration.ofSeconds(60),
                    () -> "PENDING_CLOSE".equals(Cases.get("acceptor", id).extract().path("stage")));

            // 值班长: closes it
            as(browser, "shiftlead");
            browser.go(casePath);
            act(browser, "close", form -> form.findElement(By.name("note")).sendKeys("核查通过，结案"));
            assertStage(d, "已结案");
            assertTrue(d.findElement(By.id("history")).getText().contains("核查通过，结案"), "the 结案 note in the history");
            browser.screenshot("gb-03-closed");
            browser.go(casePath + "/print");
            assertTrue(d.findElement(By.id("print-photos")).getText().contains("处置后"));
            browser.screenshot("gb-04-print-sheet");
        }
    }

    private static void as(Browser browser, String username) {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(username);
        browser.go("/");
    }
}
