package org.civicgrid.map;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The map in a real browser: the dispatcher sees the demo grids drawn from the box's API and clicks one. */
@QuarkusTest
class MapBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void dispatcherClicksAGridAndSeesItsCode() throws IOException {
        // two open cases in one grid of the county seat, so the map has something to colour
        long first = Cases.report("acceptor", "HOTLINE", "incident:0110", Cases.LAT, Cases.LON);
        Cases.report("acceptor", "PUBLIC", "incident:0110", Cases.LAT + 0.0003, Cases.LON + 0.0002);
        String number = Cases.get("acceptor", first).extract().path("number");
        String gridCode = Cases.get("acceptor", first).extract().path("gridCode");

        try (Browser browser = Browser.open(base).signIn("dispatcher")) {
            browser.go("/map");
            browser.await(Duration.ofSeconds(30))
                    .until(d -> d.findElements(By.cssSelector("#map path.grid")).size() >= 400);
            browser.await(Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("map-status")).getText().contains("加载"));

            // a person's click in the middle of the map lands on some unit grid
            browser.driver().findElement(By.id("map")).click();
            WebElement code = browser.await(Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("#grid-panel .grid-code")).stream().findFirst().orElse(null));
            assertTrue(code.getText().matches("370831[0-9A-Z]{9}"), "grid code in the panel: " + code.getText());
            WebElement components = browser.await(Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("#grid-panel .grid-components h3")).stream().findFirst().orElse(null));
            assertTrue(components.getText().matches("本网格部件 \\d+ 个"), "the grid's components: " + components.getText());
            List<WebElement> selected = browser.driver().findElements(By.cssSelector("#map path.grid[data-code='" + code.getText() + "']"));
            assertEquals(1, selected.size(), "the clicked grid is drawn with its code");

            // the grid holding the two cases lists them in the panel
            WebElement withCases = browser.driver().findElement(By.cssSelector("#map path.grid[data-code='" + gridCode + "']"));
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))", withCases);
            browser.await(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("grid-panel")).getText().contains(number));
            assertTrue(browser.driver().findElement(By.cssSelector("#grid-panel .grid-code")).getText().equals(gridCode));
            assertTrue(browser.driver().findElements(By.cssSelector("#map .grid-badge")).size() >= 1, "count badges drawn");

            Path shot = browser.screenshot("map");
            assertTrue(Files.size(shot) > 10_000, "screenshot " + shot);
        }
    }
}
