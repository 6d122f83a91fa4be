package org.civicgrid.security;

import static org.civicgrid.testsupport.Cases.act;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 17 in a real browser: a page on another site (another loopback port, so the same "site" for cookies: the
 * session cookie is sent) cannot change anything, neither with the signed-in session nor with cached HTTP Basic
 * credentials; a department named like HTML shows as text in the 大屏's tooltip.
 */
@QuarkusTest
class CrossSiteBrowserTest {

    @TestHTTPResource("/")
    URI base;

    private static HttpServer serve(String path, String html) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aFormOnAnotherSiteChangesNothingWithTheSessionOrCachedBasicCredentials() throws IOException {
        String app = "http://localhost:" + base.getPort();
        String pageCode = "370831001" + (700 + ThreadLocalRandom.current().nextInt(100));
        String apiCode = "370831002" + (700 + ThreadLocalRandom.current().nextInt(100));
        String html = "<!DOCTYPE html><html><body>"
                + "<form id='page' method='post' action='" + app + "/admin/regions'>"
                + "<input name='code' value='" + pageCode + "'><input name='name' value='伪造社区'></form>"
                + "<iframe name='sink' id='sink'></iframe>"
                + "<form id='api' method='post' target='sink' enctype='text/plain' action='" + app + "/api/regions'>"
                + "<input name='{\"code\":\"" + apiCode + "\",\"name\":\"' value='伪造\"}'></form>"
                + "<script>document.getElementById('api').submit();"
                + "setTimeout(function () { document.getElementById('page').submit(); }, 1500);</script></body></html>";
        HttpServer evil = serve("/", html);
        try (Browser browser = Browser.open(base).signIn("admin")) {
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            // as after answering a Basic prompt for an /api export: the browser sends the credentials with every request
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                    Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:civicgrid".getBytes(StandardCharsets.UTF_8)))));
            chrome.get("http://localhost:" + evil.getAddress().getPort() + "/");
            browser.await(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(app + "/admin/regions"));
            browser.await(Duration.ofSeconds(15)).until(d -> d.findElement(By.tagName("body")).getText().contains("跨站请求被拒绝"));
            // the session is still good for the box's own pages
            browser.go("/admin/regions");
            browser.await(Duration.ofSeconds(15)).until(d -> d.getPageSource().contains("泗河街道"));
        } finally {
            evil.stop(0);
        }
        Api.as("admin").when().get("/api/regions/" + pageCode).then().statusCode(404);
        Api.as("admin").when().get("/api/regions/" + apiCode).then().statusCode(404);
    }

    @Test
    void aDepartmentNamedLikeHtmlShowsAsTextOnTheScreen() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = "<img src=x onerror=\"window.__xss=1\">部门" + suffix;
        long department = ((Number) Api.as("admin").body(Map.of("code", "xss-" + suffix, "name", name, "kind", "PROFESSIONAL"))
                .when().post("/api/departments").then().statusCode(201).extract().path("id")).longValue();
        String worker = "xss" + suffix;
        Api.as("admin").body(Map.of("username", worker, "displayName", "处置员 " + suffix, "roles", List.of("DEPARTMENT"),
                "departmentId", department, "password", "Harbour-Lantern-58")).when().post("/api/staff").then().statusCode(201);
        long inspector = Cases.staffId("inspector");
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        act("acceptor", id, "accept", Map.of()).statusCode(200);
        act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("component:0101", "破损超过25"))).statusCode(200);
        act("dispatcher", id, "dispatch", Map.of("departmentId", department)).statusCode(200);
        Api.as(worker, "Harbour-Lantern-58").body(Map.of()).when().post("/api/cases/" + id + "/actions/signFor").then().statusCode(200);
        Api.as(worker, "Harbour-Lantern-58").body(Map.of("note", "已处理")).when().post("/api/cases/" + id + "/actions/reportHandled")
                .then().statusCode(200);
        act("acceptor", id, "sendToCheck", Map.of("inspectorId", inspector)).statusCode(200);
        act("inspector", id, "verify", Map.of()).statusCode(200);
        act("shiftlead", id, "close", Map.of()).statusCode(200);

        try (Browser browser = Browser.open(base).signIn("leader")) {
            browser.driver().manage().window().setSize(new Dimension(1920, 1080));
            browser.go("/screen");
            browser.await(Duration.ofSeconds(30)).until(d -> "true".equals(d.findElement(By.id("screen")).getAttribute("data-loaded")));
            WebElement chart = browser.driver().findElement(By.id("chart-departments"));
            List<String> tooltips = new ArrayList<>();
            int width = chart.getSize().getWidth();
            for (int x = -width / 2 + 55; x < width / 2 - 20 && tooltips.stream().noneMatch(t -> t.contains(suffix)); x += 12) {
                new Actions(browser.driver()).moveToElement(chart, x, 0).perform();
                List<WebElement> shown = browser.driver().findElements(By.cssSelector("#chart-departments .department-tooltip"));
                shown.forEach(t -> tooltips.add(t.getText()));
            }
            assertTrue(tooltips.stream().anyMatch(t -> t.contains(name)), "the tooltip shows the name as text: " + tooltips);
            assertNull(((JavascriptExecutor) browser.driver()).executeScript("return window.__xss"), "no script ran");
            assertEquals(0, browser.driver().findElements(By.cssSelector("#chart-departments img")).size(), "no element from the name");
        }
    }
}
