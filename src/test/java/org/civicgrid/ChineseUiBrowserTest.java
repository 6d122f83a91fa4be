package org.civicgrid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.alert.AlertReviewBrowserTest;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Issue 19 §3: one Chinese product. A walk over the staff and public pages in zh-CN that fails on an English sentence in
 * the visible text (three or more Latin words in a row; codes, numbers and single names such as Open311 or Frigate pass),
 * and the admin's top bar at 1366×768 showing every item (the admin pages grouped under 系统管理).
 */
@QuarkusTest
class ChineseUiBrowserTest {

    /** Three Latin words in a row (letters only, at least two letters each) — a sentence, not a code or a name. */
    static final Pattern SENTENCE = Pattern.compile("\\b[A-Za-z]{2,}(?:[ ]+[A-Za-z]{2,}){2,}\\b");

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyPageReadsInChinese() {
        long id = Cases.report("acceptor", "HOTLINE", "component:01002", Cases.LAT, Cases.LON);
        long dispatched = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        Cases.act("acceptor", dispatched, "accept", Map.of()).statusCode(200);
        Cases.act("shiftlead", dispatched, "file", Map.of("conditionId", Cases.conditionId("component:0101", "破损超过25"))).statusCode(200);
        Cases.act("dispatcher", dispatched, "dispatch", Map.of("departmentId", Cases.departmentId("gongshui"))).statusCode(200);
        long camera = ((Number) Api.as("admin").body(Map.of("name", "走查摄像机 " + System.nanoTime(), "lat", Cases.LAT, "lon", Cases.LON))
                .when().post("/api/cameras").then().statusCode(201).extract().path("id")).longValue();
        long alert = AlertReviewBrowserTest.waitingForReview("zh-walk", "cam-zh-walk");
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("admin", List.of("/", "/account", "/admin/alert-rules", "/admin/calendar", "/admin/catalog", "/admin/components",
                "/admin/departments", "/admin/departments/new", "/admin/grids", "/admin/open311-keys", "/admin/regions", "/admin/routing",
                "/admin/sign-ins", "/admin/staff", "/admin/staff/new", "/admin/backups", "/admin/basemap", "/alerts", "/cameras", "/cameras/new", "/cases",
                "/cases/" + id, "/map", "/screen", "/admin/staff/" + Cases.staffId("inspector"), "/admin/departments/" + Cases.departmentId("gongshui"),
                "/cameras/" + camera, "/cameras/" + camera + "/edit", "/sync"));
        pages.put("acceptor", List.of("/", "/cases/new", "/hotline", "/hotline/calls", "/moderation", "/cases/" + id, "/cases/" + id + "/print",
                "/cameras/near-case/" + id, "/nowhere", "/callbacks", "/alerts", "/alerts/" + alert));
        pages.put("gongshui", List.of("/", "/cases", "/cases/" + dispatched, "/evaluation/appeals"));
        pages.put("leader", List.of("/", "/evaluation", "/evaluation/report?kind=day", "/evaluation/report?kind=week",
                "/evaluation/report?kind=month", "/evaluation/entries", "/evaluation/snapshots", "/evaluation/bulletins",
                "/evaluation/appeals", "/callbacks"));
        pages.put("shiftlead", List.of("/", "/tracks", "/cases/" + id));
        pages.put("inspector", List.of("/m/", "/admin/staff"));
        pages.put("shizheng", List.of("/", "/m/"));
        List<String> english = new ArrayList<>();
        try (Browser browser = Browser.open(base)) {
            WebDriver d = browser.driver();
            browser.go("/lang/zh");
            for (String path : List.of("/public", "/public/recent", "/login")) {
                check(browser, path, english);
            }
            for (Map.Entry<String, List<String>> role : pages.entrySet()) {
                d.manage().deleteAllCookies();
                browser.signIn(role.getKey());
                for (String path : role.getValue()) {
                    check(browser, path, english);
                }
            }
        }
        assertTrue(english.isEmpty(), "English sentences in the zh-CN UI:\n" + String.join("\n", english));
    }

    private static void check(Browser browser, String path, List<String> english) {
        browser.go(path);
        browser.await(Duration.ofSeconds(15)).until(x -> "complete".equals(((JavascriptExecutor) x).executeScript("return document.readyState")));
        String text = (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.body ? document.body.innerText : ''");
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            english.add(path + ": " + m.group());
        }
    }

    @Test
    void theAdminMenuShowsEveryItemAt1366() {
        try (Browser browser = Browser.open(base)) {
            WebDriver d = browser.driver();
            d.manage().window().setSize(new Dimension(1366, 768));
            browser.go("/lang/zh");
            browser.signIn("admin");
            browser.go("/");
            d.findElement(By.cssSelector("#nav-system summary")).click();
            List<WebElement> links = d.findElements(By.cssSelector(".mainnav a"));
            assertTrue(links.size() >= 15, "every page the admin may open is in the menu: " + links.size());
            long width = (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.clientWidth;");
            for (WebElement a : links) {
                assertTrue(a.isDisplayed(), a.getAttribute("href") + " shows");
                int right = a.getRect().getX() + a.getRect().getWidth();
                assertTrue(right <= width, a.getAttribute("href") + " is inside the window: " + right + " > " + width);
            }
            Long overflow = (Long) ((JavascriptExecutor) d).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow <= 0, "no sideways scrolling at 1366: " + overflow);
            browser.screenshot("zh-admin-menu-1366");
        }
    }

    /** The map draws the box's own roads (no tile server, no internet); screenshots of the workbench, map and 大屏. */
    @Test
    void theMapShowsTheBoxBaseMapWithoutInternet() {
        try (Browser browser = Browser.open(base)) {
            WebDriver d = browser.driver();
            d.manage().window().setSize(new Dimension(1366, 768));
            browser.signIn("acceptor");
            browser.go("/");
            browser.screenshot("zh-workbench-acceptor");
            browser.go("/map");
            browser.await(Duration.ofSeconds(30)).until(x -> !x.findElements(By.cssSelector("#map canvas.basemap-drawn")).isEmpty());
            browser.screenshot("zh-map-basemap");
            browser.go("/cases/new");
            browser.await(Duration.ofSeconds(30)).until(x -> !x.findElements(By.cssSelector("#report-map canvas.basemap-drawn")).isEmpty());
            browser.screenshot("zh-report-map-basemap");
            browser.go("/screen");
            // the figures, not the empty frame: the feed has been read and drawn
            browser.await(Duration.ofSeconds(30)).until(x -> "true".equals(x.findElement(By.id("screen")).getAttribute("data-loaded")));
            browser.screenshot("zh-screen-1366");
        }
    }
}
