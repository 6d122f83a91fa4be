package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * 告警审核 in a real browser: an alert waiting for review (no class, no position) is filed from its page with the class
 * picker and the map point picker of /cases/new — nothing typed by hand.
 */
@QuarkusTest
public class AlertReviewBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theAcceptorPicksClassAndPlaceAndFilesTheAlert() {
        long id = waitingForReview("review-browser", "cam-review");
        try (Browser browser = Browser.open(base)) {
            WebDriver d = browser.driver();
            browser.signIn("acceptor").go("/alerts");
            d.findElement(By.cssSelector("#review-queue tr[data-alert='" + id + "'] a.review")).click();
            browser.await(Duration.ofSeconds(15)).until(x -> x.getCurrentUrl().contains("/alerts/" + id));
            Select classes = new Select(d.findElement(By.id("review-class")));
            assertTrue(classes.getOptions().size() > 100, "the whole picker, not a text field");
            classes.selectByValue("incident:09009");
            assertTrue(classes.getFirstSelectedOption().getText().contains("09009"), classes.getFirstSelectedOption().getText());
            WebElement map = d.findElement(By.id("review-map"));
            browser.await(Duration.ofSeconds(30)).until(x -> !x.findElements(By.cssSelector("#review-map path.leaflet-interactive")).isEmpty());
            map.click();
            browser.await(Duration.ofSeconds(10)).until(x -> !x.findElement(By.id("review-lat")).getDomProperty("value").isEmpty());
            double lat = Double.parseDouble(d.findElement(By.id("review-lat")).getDomProperty("value"));
            double lon = Double.parseDouble(d.findElement(By.id("review-lon")).getDomProperty("value"));
            assertTrue(Math.abs(lat - 35.66) < 0.1 && Math.abs(lon - 117.27) < 0.1, "a point of the county seat: " + lat + "," + lon);
            browser.screenshot("alert-review-1366");
            d.findElement(By.id("review-raise")).click();
            browser.await(Duration.ofSeconds(15)).until(x -> x.getCurrentUrl().contains("/alerts?done="));
        }
        var alert = Api.as("acceptor").when().get("/api/alerts/" + id).then().statusCode(200).extract().jsonPath();
        // a new case, or merged (重复上报) into an open case of the same class at that place from an earlier run
        assertTrue(List.of("CREATED", "MERGED").contains(alert.getString("outcome")), alert.getString("outcome"));
        long caseId = alert.getLong("caseId");
        var filed = Api.as("acceptor").when().get("/api/cases/" + caseId).then().statusCode(200).extract().jsonPath();
        assertEquals("incident:09009", filed.getString("classCode"));
        assertTrue(filed.getString("gridCode").startsWith("370831"), "located in a unit grid: " + filed.getString("gridCode"));
    }

    /**
     * An alert waiting for review (待审核: a camera alert without a position), stored as intake stores one; its id.
     */
    public static long waitingForReview(String sourcePrefix, String device) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlertMessage m = new AlertMessage();
            m.source = AlertSource.GENERIC;
            m.sourceId = sourcePrefix + "-" + System.nanoTime();
            m.kind = AlertKind.CAMERA;
            m.label = "occupation";
            m.device = device;
            m.receivedAt = Instant.now();
            m.outcome = AlertOutcome.REVIEW;
            m.reason = "no position";
            m.payload = "{}";
            m.payloadBytes = 2;
            m.persist();
            return m.id;
        });
    }
}
