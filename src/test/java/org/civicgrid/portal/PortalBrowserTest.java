package org.civicgrid.portal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.GpsJpeg;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A citizen without an account reports a problem on the portal and follows it by its number. Taps and fields counted:
 * problem (1 tap), pin on the map (1 tap), photo (1 tap, plus the camera's shutter), the challenge answer (1 field),
 * 提交举报 (1 tap) — 4 taps and 1 typed field; following: the number (1 field) and 查询 (1 tap).
 */
@QuarkusTest
class PortalBrowserTest {

    private static final Pattern SUM = Pattern.compile("(\\d+) 加 (\\d+)");

    @TestHTTPResource("/")
    URI base;

    @Test
    void aCitizenReportsWithPinAndPhotoAndFollowsTheCaseByNumber() {
        Path photo = GpsJpeg.file(GpsJpeg.plain(), "pothole.jpg");
        try (Browser browser = Browser.open(base)) {
            WebDriver d = browser.driver();
            browser.go("/public/");
            browser.await(Duration.ofSeconds(30)).until(x -> !x.findElements(By.cssSelector("#portal-map .leaflet-pane")).isEmpty());
            assertTrue(d.findElements(By.cssSelector("nav.mainnav")).isEmpty(), "no staff navigation on the portal");

            d.findElement(By.cssSelector("label.portal-problem input[value='ROAD_DAMAGE']")).click();   // tap 1: problem
            List<WebElement> grids = browser.await(Duration.ofSeconds(15))
                    .until(x -> x.findElements(By.cssSelector("#portal-map path.grid")).size() > 100 ? x.findElements(By.cssSelector("#portal-map path.grid")) : null);
            // tap 2: the pin, on a block of the county seat (the grids are drawn from the box; taps pass through them to the map)
            new org.openqa.selenium.interactions.Actions(d).moveToElement(grids.get(grids.size() / 2)).click().perform();
            browser.await(Duration.ofSeconds(5)).until(x -> !x.findElement(By.id("lat")).getAttribute("value").isEmpty());
            assertFalse(d.findElements(By.cssSelector("#portal-map path.pin")).isEmpty(), "the pin is on the map");
            d.findElement(By.id("photo")).sendKeys(photo.toString());                                   // tap 3: photo
            Matcher sum = SUM.matcher(d.findElement(By.id("challenge-question")).getText());
            assertTrue(sum.find());
            d.findElement(By.id("answer")).sendKeys(String.valueOf(Integer.parseInt(sum.group(1)) + Integer.parseInt(sum.group(2)))); // field 1
            browser.screenshot("portal-report");
            d.findElement(By.id("send")).click();                                                        // tap 4: send
            browser.await(Duration.ofSeconds(15)).until(x -> !x.findElements(By.id("report-thanks")).isEmpty()
                    || !x.findElements(By.id("report-error")).isEmpty());
            assertTrue(d.findElements(By.id("report-error")).isEmpty(), () -> d.findElement(By.id("report-error")).getText());

            WebElement thanks = browser.await(Duration.ofSeconds(15)).until(x -> x.findElements(By.id("report-thanks")).stream().findFirst().orElse(null));
            Matcher number = Pattern.compile("\\d{12}").matcher(thanks.getText());
            assertTrue(number.find(), thanks.getText());
            String caseNumber = number.group();
            assertTrue(d.getCurrentUrl().contains("key="), "the reporter's page carries the rating key");
            assertEquals("已受理", d.findElement(By.id("progress-phase")).getText());

            browser.go("/public/cases");
            d.findElement(By.id("number")).sendKeys(caseNumber);                                        // field 1
            d.findElement(By.id("look")).click();                                                        // tap 1
            WebElement phase = browser.await(Duration.ofSeconds(10)).until(x -> x.findElements(By.id("progress-phase")).stream().findFirst().orElse(null));
            assertEquals("已受理", phase.getText());
            assertEquals(caseNumber, d.findElement(By.id("progress-number")).getText());
            browser.screenshot("portal-follow");

            List<Map<String, Object>> found = Api.as("acceptor").queryParam("q", caseNumber).when().get("/api/cases").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            assertEquals(1, found.size());
            Cases.get("acceptor", ((Number) found.get(0).get("id")).longValue()).body("source", equalTo("PUBLIC"))
                    .body("stage", equalTo("REPORTED")).body("classCode", equalTo("incident:06013")).body("attachments.size()", equalTo(1));
        }
    }
}
