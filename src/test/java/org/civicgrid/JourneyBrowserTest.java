package org.civicgrid;

import static org.civicgrid.testsupport.CaseForms.act;
import static org.civicgrid.testsupport.CaseForms.assertStage;
import static org.civicgrid.testsupport.CaseForms.open;
import static org.civicgrid.testsupport.CaseForms.selectContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole loop in a real browser, through the UI only: the acceptor registers a case on {@code /cases/new} (under
 * the wrong class) and accepts it, the shift lead files it, the dispatcher sends it back (退回重审), the shift lead
 * reclassifies it (改类) and files it again with a 立案条件, the dispatcher dispatches it, the leader urges it and
 * the department answers the 督办单, signs for it and reports it handled, the acceptor sends it to check, the
 * inspector verifies it and the shift lead closes it; then the shift lead reopens it (重新开启) and it goes round to
 * 结案 again — each signing in in turn. Screenshots under {@code target/screenshots/journey-*}.
 */
@QuarkusTest
class JourneyBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aCaseGoesFromReportToCloseThroughEveryRole() throws Exception {
        try (Browser browser = Browser.open(base)) {
            WebDriver d = browser.driver();

            // 受理员: registers the case from the workbench, picking the place on the map, then accepts it
            as(browser, "acceptor");
            d.findElement(By.id("new-report")).click();
            browser.await(Duration.ofSeconds(20)).until(x -> !x.findElements(By.cssSelector("#report-map path")).isEmpty());
            d.findElement(By.id("report-map")).click();
            browser.await(Duration.ofSeconds(5)).until(x -> !x.findElement(By.id("lat")).getAttribute("value").isEmpty());
            new Select(d.findElement(By.id("source"))).selectByValue("HOTLINE");
            new Select(d.findElement(By.id("classCode"))).selectByValue("component:01002"); // 污水井盖: the wrong class
            d.findElement(By.id("description")).sendKeys("人民路上水井盖破损，行人易绊倒");
            setValue(d, "lat", String.valueOf(Cases.LAT));
            setValue(d, "lon", String.valueOf(Cases.LON));
            d.findElement(By.id("address")).sendKeys("人民路与泉林路交叉口");
            d.findElement(By.id("reporterName")).sendKeys("王先生");
            browser.screenshot("journey-01-report-form");
            d.findElement(By.id("report-submit")).click();
            browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("done=report"));
            Matcher m = Pattern.compile("/cases/(\\d+)").matcher(d.getCurrentUrl());
            assertTrue(m.find(), d.getCurrentUrl());
            String casePath = "/cases/" + m.group(1);
            assertStage(d, "待受理");
            act(browser, "accept", form -> { });
            assertStage(d, "待立案");

            // 值班长: files it under the class it was registered with
            as(browser, "shiftlead");
            browser.go(casePath);
            act(browser, "file", form -> selectContaining(form.findElement(By.name("conditionId")), "破损超过25"));
            assertStage(d, "待派遣");

            // 派遣员: it is a 上水井盖, not a 污水井盖 — sends it back to the shift lead with the reason
            as(browser, "dispatcher");
            browser.go(casePath);
            act(browser, "sendBack", form -> form.findElement(By.name("note")).sendKeys("分类有误，应为上水井盖"));
            assertStage(d, "待立案");

            // 值班长: reclassifies it (改类) and files it again with the 立案条件 that gives 4 working hours
            as(browser, "shiftlead");
            browser.go(casePath);
            act(browser, "reclassify", form -> new Select(form.findElement(By.name("classCode"))).selectByValue("component:01001"));
            assertStage(d, "待立案");
            assertTrue(d.findElement(By.id("history")).getText().contains("污水井盖 component:01002 → 供水井盖 component:01001"), "改类 in the history");
            act(browser, "file", form -> selectContaining(form.findElement(By.name("conditionId")), "破损超过25"));
            assertStage(d, "待派遣");
            assertTrue(d.findElement(By.id("facts")).getText().contains("4工作时"), "the handling limit from the 立案条件");

            // 派遣员: finds it in the 待派遣 queue and dispatches it to the municipal works centre
            as(browser, "dispatcher");
            browser.go("/cases?queue=TO_DISPATCH");
            browser.screenshot("journey-03-dispatch-queue");
            browser.go(casePath);
            WebElement picker = open(browser, "dispatch").findElement(By.name("departmentId"));
            assertTrue(picker.getText().contains("（建议）"), "the routing suggestion is marked");
            act(browser, "dispatch", form -> selectContaining(form.findElement(By.name("departmentId")), "县市政工程服务中心"));
            assertStage(d, "待签收");

            // 领导: urges it
            as(browser, "leader");
            browser.go(casePath);
            act(browser, "urge", form -> {
                form.findElement(By.name("note")).sendKeys("请加快处置");
                form.findElement(By.name("replyLimit")).sendKeys("4工作时");
            });
            assertTrue(d.findElement(By.cssSelector("h1 .tag.urged")).isDisplayed(), "督办 flag shown");
            assertTrue(d.findElement(By.id("urges")).getText().contains("请加快处置"), "the 督办单 is shown");

            // 专业部门: answers the 督办单, signs for it from the workbench queue and reports it handled
            as(browser, "shizheng");
            assertTrue(d.findElement(By.id("queue-TO_SIGN")).isDisplayed());
            assertTrue(d.findElement(By.id("queue-TO_REPLY")).isDisplayed());
            browser.go(casePath);
            act(browser, "replyUrge", form -> form.findElement(By.name("note")).sendKeys("已安排人员今日处置"));
            assertTrue(d.findElement(By.id("urges")).getText().contains("已安排人员今日处置"), "the 督办回复 is on the 督办单");
            act(browser, "signFor", form -> { });
            assertStage(d, "处置中");
            act(browser, "reportHandled", form -> form.findElement(By.name("note")).sendKeys("已更换井盖"));
            assertStage(d, "待核查");

            // 受理员: sends the inspector to check
            as(browser, "acceptor");
            browser.go(casePath);
            long inspector = Cases.staffId("inspector");
            act(browser, "sendToCheck", form -> new Select(form.findElement(By.name("inspectorId"))).selectByValue(String.valueOf(inspector)));
            assertStage(d, "核查中");

            // 监督员: the task is theirs; verifies on site
            as(browser, "inspector");
            browser.go("/cases?queue=TASKS");
            assertFalse(d.findElements(By.cssSelector("a[href='" + casePath + "']")).isEmpty(), "the check task is in the inspector's queue");
            browser.go(casePath);
            act(browser, "verify", form -> { });
            assertStage(d, "待结案");

            // 值班长: closes it
            as(browser, "shiftlead");
            browser.go(casePath);
            act(browser, "close", form -> { });
            assertStage(d, "已结案");
            String history = d.findElement(By.id("history")).getText();
            for (String step : new String[] {"上报登记", "受理", "立案", "退回重审", "改类", "派遣", "督办", "督办回复", "签收", "处置反馈",
                "发送核查", "核查通过", "结案"}) {
                assertTrue(history.contains(step), "history has " + step + ": " + history);
            }
            assertEquals(1, d.findElements(By.cssSelector("#actions details.action")).size(), "a closed case can only be reopened");
            Path closed = browser.screenshot("journey-09-closed-1366x768");
            assertTrue(Files.size(closed) > 20_000);

            // 值班长: the 回访 was bad — reopens it to the department with the reason; it goes round once more
            act(browser, "reopen", form -> form.findElement(By.name("note")).sendKeys("回访不满意，井盖仍松动"));
            assertStage(d, "处置中");
            as(browser, "shizheng");
            browser.go(casePath);
            act(browser, "reportHandled", form -> form.findElement(By.name("note")).sendKeys("已加固井盖"));
            as(browser, "acceptor");
            browser.go(casePath);
            act(browser, "sendToCheck", form -> new Select(form.findElement(By.name("inspectorId"))).selectByValue(String.valueOf(inspector)));
            as(browser, "inspector");
            browser.go(casePath);
            act(browser, "verify", form -> { });
            as(browser, "shiftlead");
            browser.go(casePath);
            act(browser, "close", form -> { });
            assertStage(d, "已结案");
            String again = d.findElement(By.id("history")).getText();
            assertTrue(again.contains("重新开启") && again.contains("回访不满意，井盖仍松动"), "the reopening is in the history: " + again);
            assertTrue(again.startsWith(history), "the history before the reopening is kept as it was");

            // the same case and the workbench on a tablet
            d.manage().window().setSize(new Dimension(768, 1024));
            browser.go(casePath);
            browser.screenshot("journey-10-closed-tablet-768");
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow <= 0, "no sideways scrolling at 768 wide: " + overflow);
            browser.go("/");
            browser.screenshot("journey-11-workbench-tablet-768");
            d.manage().window().setSize(new Dimension(1366, 768));

            // 管理员: the workbench shows the system facts, no case queues
            as(browser, "admin");
            assertTrue(d.findElements(By.cssSelector(".queue")).isEmpty());
            browser.screenshot("journey-12-admin-workbench");
        }
    }

    /** Signs out whoever was signed in and signs in as {@code username}, landing on the workbench. */
    private static void as(Browser browser, String username) {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(username);
        browser.go("/");
        browser.screenshot("journey-workbench-" + username);
    }

    private static void setValue(WebDriver d, String id, String value) {
        WebElement input = d.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }
}
