package org.civicgrid.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.civicgrid.org.StaffRegistry;
import org.civicgrid.sync.HttpHubSender;
import org.civicgrid.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The county hub in a real browser, without the API: the admin registers a town and copies its token from the page, the
 * town's batch arrives with it, the admin gives the town a 上级交办 through the form, and a click on the case on the map
 * opens the case's page with its history.
 */
@QuarkusTest
@TestProfile(HubPostgresTest.OnPostgresql.class)
class HubBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    StaffRegistry staff;

    @Inject
    ObjectMapper json;

    @Test
    void anAdminRegistersATownAssignsItACaseAndOpensItsCaseFromTheMap() throws Exception {
        HubPostgresTest.accounts(staff);
        String site = "ui-web-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open(base).signIn(HubPagesTest.ADMIN, HubPagesTest.PASSWORD)) {
            browser.go("/hub");
            browser.driver().findElement(By.id("new-site-id")).sendKeys(site);
            browser.driver().findElement(By.id("new-site-name")).sendKeys("泗张镇");
            browser.driver().findElement(By.cssSelector("#hub-register button[type=submit]")).click();
            WebElement shown = browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("token-value")));
            String token = shown.getText().trim();
            assertTrue(token.matches("cgh1_[A-Za-z0-9_-]{43}"), token);
            assertTrue(browser.driver().findElement(By.id("issued-token")).getText().contains("令牌只显示这一次"));
            browser.screenshot("hub-token-issued");

            // the town sends its first five events (case 1: reported, then four actions) with the token copied from the page
            new HttpHubSender(base.toString().replaceFirst("/$", ""), token, json, Duration.ofSeconds(60)).send(HubPostgresTest.batch(site, 1, 5));

            browser.go("/hub?site=" + site);
            new Select(browser.driver().findElement(By.id("assign-site"))).selectByValue(site);
            browser.driver().findElement(By.id("assign-description")).sendKeys("人民路积水，请排查雨水井");
            browser.driver().findElement(By.id("assign-lat")).sendKeys("35.6601");
            browser.driver().findElement(By.id("assign-lon")).sendKeys("117.2702");
            WebElement due = browser.driver().findElement(By.id("assign-due"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2031-06-01T18:00'", due);
            browser.driver().findElement(By.cssSelector("#hub-assign button[type=submit]")).click();
            WebElement notice = browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("assigned-notice")));
            assertTrue(notice.getText().matches("上级交办 #\\d+ 已下达，站点下次同步时接收。"), notice.getText());
            String id = notice.getText().replaceAll("\\D", "");
            String row = browser.driver().findElement(By.cssSelector("#hub-assignments tr[data-assignment-id='" + id + "']")).getText();
            assertTrue(row.contains(site) && row.contains("2031-06-01 18:00") && row.contains("待站点接收"), row);

            // the case on the map opens its page
            browser.go("/hub?site=" + site);
            browser.await(Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#hub-map path.hub-case")).isEmpty());
            WebElement marker = browser.driver().findElement(By.cssSelector("#hub-map path.hub-case"));
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))", marker);
            WebElement link = browser.await(Duration.ofSeconds(10))
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".leaflet-popup a.hub-case-link")));
            assertEquals(site + "-1", link.getText());
            link.click();
            browser.await(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/hub/cases/" + site + "/1"));
            assertEquals(site + "-1", browser.driver().findElement(By.id("case-number")).getText());
            List<WebElement> history = browser.driver().findElements(By.cssSelector("#history-rows tr.history-row"));
            assertEquals(5, history.size());
            assertTrue(history.get(0).getText().contains("上报登记") && history.get(1).getText().contains("签收"), history.get(1).getText());
            browser.screenshot("hub-case");
            // no script errors (this profile has no base-map package, so its vector tiles answer 404)
            assertEquals(List.of(), browser.severeLogs().stream().filter(m -> !m.contains("/api/public/basemap/tiles/")).toList());
        }
    }
}
