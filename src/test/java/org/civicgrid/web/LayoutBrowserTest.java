package org.civicgrid.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Layout at 1366×768 and 1920×1080: the case and camera pages use the width, no table sticks out of its card, no
 * sideways scrolling; the 大屏 fits 1366×768 with readable type. Screenshots of each into target/screenshots/.
 */
@QuarkusTest
class LayoutBrowserTest {

    @TestHTTPResource("/")
    URI base;

    /** Width of the widest card's content beyond its box, over all cards (0: nothing sticks out). */
    private static final String CARD_OVERFLOW = "return Math.max(0, ...[...document.querySelectorAll('main .card')]"
            + ".map(c => c.scrollWidth - c.clientWidth));";
    private static final String PAGE_OVERFLOW = "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";

    @Test
    void casePageAndCameraPageUseTheWidthWithoutOverflow() {
        long caseId = Cases.report("acceptor", "HOTLINE", "incident:0110", Cases.LAT, Cases.LON);
        List<Integer> cameras = Api.as("admin").when().get("/api/cameras").then().statusCode(200).extract().path("id");
        assertTrue(!cameras.isEmpty(), "the demo has cameras");
        try (Browser browser = Browser.open(base)) {
            WebDriver d = browser.driver();
            JavascriptExecutor js = (JavascriptExecutor) d;
            browser.signIn("admin");
            for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
                d.manage().window().setSize(size);
                for (String path : List.of("/cases/" + caseId, "/cameras/" + cameras.get(0))) {
                    browser.go(path);
                    browser.await(Duration.ofSeconds(20)).until(x -> !x.findElements(By.cssSelector(".detail-grid #facts")).isEmpty());
                    long page = ((Number) js.executeScript(PAGE_OVERFLOW)).longValue();
                    long card = ((Number) js.executeScript(CARD_OVERFLOW)).longValue();
                    assertTrue(page <= 0, path + " at " + size + ": page scrolls sideways by " + page);
                    assertTrue(card <= 1, path + " at " + size + ": a card's content sticks out by " + card);
                    long facts = ((Number) js.executeScript("return document.getElementById('facts').getBoundingClientRect().width;")).longValue();
                    long main = ((Number) js.executeScript("return document.querySelector('main').clientWidth;")).longValue();
                    assertTrue(facts * 2 > main, path + " at " + size + ": the facts take " + facts + " of " + main + " px");
                    browser.screenshot((path.startsWith("/cases") ? "layout-case-" : "layout-camera-") + size.width + "x" + size.height);
                }
            }
        }
    }

    @Test
    void theScreenFitsA1366x768DisplayWithReadableType() {
        try (Browser browser = Browser.open(base)) {
            WebDriver d = browser.driver();
            JavascriptExecutor js = (JavascriptExecutor) d;
            d.manage().window().setSize(new Dimension(1366, 768));
            browser.signIn("leader").go("/screen");
            browser.await(Duration.ofSeconds(30)).until(x -> "true".equals(x.findElement(By.id("screen")).getAttribute("data-loaded")));
            long inner = ((Number) js.executeScript("return window.innerHeight;")).longValue();
            long scroll = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
            assertTrue(scroll <= inner + 1, "the 大屏 fits the screen: " + scroll + " > " + inner);
            double smallest = ((Number) js.executeScript("return Math.min(...[...document.querySelectorAll('.kpi span, .panel h2, .alerts li')]"
                    + ".map(e => parseFloat(getComputedStyle(e).fontSize)));")).doubleValue();
            assertTrue(smallest >= 14, "smallest text " + smallest + " px");
            browser.screenshot("layout-screen-1366x768");
        }
    }
}
