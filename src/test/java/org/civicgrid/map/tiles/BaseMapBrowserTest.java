package org.civicgrid.map.tiles;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.civicgrid.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * 离线底图 in a real browser: the map draws the box's vector tiles (requested from the box only, decoded and drawn on
 * canvas tiles) with street names, at 1920×1080; the case form's map too.
 */
@QuarkusTest
class BaseMapBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theMapDrawsTheBoxVectorTilesWithStreetNames() throws Exception {
        try (Browser browser = Browser.open(base)) {
            WebDriver d = browser.driver();
            d.manage().window().setSize(new Dimension(1920, 1080));
            browser.signIn("acceptor");
            browser.go("/map");
            browser.await(Duration.ofSeconds(40)).until(x -> x.findElements(By.cssSelector("#map canvas.basemap-drawn")).size() >= 4);
            JavascriptExecutor js = (JavascriptExecutor) d;
            // street names written on the canvases (the renderer lists what it wrote on each tile)
            browser.await(Duration.ofSeconds(20)).until(x -> String.valueOf(js.executeScript(
                    "return [...document.querySelectorAll('#map canvas.basemap-drawn')].map(c => c.dataset.labels).join('|')")).contains("人民路"));
            // every tile came from the box; nothing was asked of another host
            @SuppressWarnings("unchecked")
            List<String> requests = (List<String>) js.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
            assertTrue(requests.stream().anyMatch(u -> u.contains("/api/public/basemap/tiles/")), "tiles requested from the box: " + requests);
            String origin = base.toString().replaceAll("/$", "");
            assertTrue(requests.stream().allMatch(u -> u.startsWith(origin)), "only the box was asked: " + requests);
            // the canvases are painted (not blank): count the drawn pixels of all tiles
            Long painted = (Long) js.executeScript("let n = 0; for (const c of document.querySelectorAll('#map canvas.basemap-drawn')) {"
                    + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } } return n;");
            assertTrue(painted > 1000, "painted pixels: " + painted);
            browser.await(Duration.ofSeconds(40)).until(x -> x.findElements(By.cssSelector("#map path.grid")).size() >= 400);
            Path shot = browser.screenshot("basemap-map-1920");
            assertTrue(Files.size(shot) > 20_000, "screenshot " + shot);

            browser.go("/cases/new");
            browser.await(Duration.ofSeconds(40)).until(x -> !x.findElements(By.cssSelector("#report-map canvas.basemap-drawn")).isEmpty());
            browser.screenshot("basemap-case-form-1920");
        }
    }
}
