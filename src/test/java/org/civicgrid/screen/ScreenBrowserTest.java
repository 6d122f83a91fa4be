package org.civicgrid.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** The 大屏 in a real browser at 1920×1080: every chart is drawn by ECharts, the figures are filled, open cases are on the map. */
@QuarkusTest
class ScreenBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theLeaderSeesEveryChartDrawn() throws IOException {
        Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        Cases.report("acceptor", "PUBLIC", "incident:0110", Cases.LAT + 0.001, Cases.LON);
        try (Browser browser = Browser.open(base).signIn("leader")) {
            browser.driver().manage().window().setSize(new Dimension(1920, 1080));
            browser.go("/screen");
            browser.await(Duration.ofSeconds(30)).until(d -> "true".equals(d.findElement(By.id("screen")).getAttribute("data-loaded")));
            for (String chart : List.of("source", "stage", "trend", "classes", "departments", "streets")) {
                assertEquals(1, browser.driver().findElements(By.cssSelector("#chart-" + chart + " canvas")).size(), chart + " drawn");
            }
            String today = browser.driver().findElement(By.id("kpi-today-reported")).getText();
            assertTrue(today.matches("\\d+") && Integer.parseInt(today) >= 2, "today's reports: " + today);
            assertTrue(browser.driver().findElement(By.id("kpi-open")).getText().matches("\\d+"));
            browser.await(Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("#screen-map path.case-point")).isEmpty());
            assertTrue(browser.driver().findElement(By.id("updated")).getText().matches("\\d{4}-\\d{2}-\\d{2} .*"));
            assertEquals("", browser.driver().findElement(By.id("screen-status")).getText(), "no load failure");
            Path shot = browser.screenshot("screen-1920x1080");
            assertTrue(Files.size(shot) > 30_000, "screenshot " + shot);
        }
    }
}
