package org.civicgrid.collector;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.GpsJpeg;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An inspector reports from the phone while the network is cut: the service worker has the app, the report waits in the
 * queue with its photo, and when the network is back it uploads by itself and the case appears — once. Taps counted:
 * photo (1, plus the camera's shutter), class (1), 上报 (1) — 3 taps, no typing; the position comes from the photo.
 */
@QuarkusTest
class CollectorBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aReportMadeOfflineIsQueuedAndUploadsWhenTheNetworkReturns() {
        Path photo = GpsJpeg.file(GpsJpeg.at(35.6612, 117.2615), "scene.jpg");
        try (Browser browser = Browser.open(base).signIn("inspector")) {
            ChromeDriver d = (ChromeDriver) browser.driver();
            browser.go("/m/");
            browser.await(Duration.ofSeconds(30)).until(x -> Boolean.TRUE.equals(((JavascriptExecutor) x)
                    .executeScript("return !!navigator.serviceWorker.controller")));
            browser.await(Duration.ofSeconds(15)).until(x -> !x.findElements(By.cssSelector("#class-list .m-class")).isEmpty());

            offline(d, true);
            d.navigate().refresh(); // the app opens from the service worker's cache
            browser.await(Duration.ofSeconds(15)).until(x -> !x.findElements(By.id("report-form")).isEmpty());
            browser.await(Duration.ofSeconds(15)).until(x -> "离线".equals(x.findElement(By.id("net")).getText()));

            d.findElement(By.id("photo")).sendKeys(photo.toString());                            // tap 1: photo
            browser.await(Duration.ofSeconds(15)).until(x -> !x.findElements(By.cssSelector("#class-list .m-class")).isEmpty());
            WebElement cls = d.findElements(By.cssSelector("#class-list .m-class")).get(0);
            String classRef = cls.getAttribute("data-ref");
            cls.click();                                                                          // tap 2: class
            d.findElement(By.id("submit")).click();                                              // tap 3: 上报
            browser.await(Duration.ofSeconds(10)).until(x -> "1".equals(x.findElement(By.id("queue-count")).getText()));
            d.findElement(By.id("tab-queue")).click();
            assertEquals(1, d.findElements(By.cssSelector("#queue-list li.queued")).size());
            browser.screenshot("collector-offline-queue");
            sleep(6000); // a retry round passes while offline: still queued, nothing sent
            assertEquals("1", d.findElement(By.id("queue-count")).getText());

            offline(d, false);
            WebElement sent = browser.await(Duration.ofSeconds(30))
                    .until(x -> x.findElements(By.cssSelector("#sent-list li.sent")).stream().findFirst().orElse(null));
            browser.await(Duration.ofSeconds(10)).until(x -> "0".equals(x.findElement(By.id("queue-count")).getText()));
            browser.screenshot("collector-uploaded");
            String number = sent.getAttribute("data-number");
            assertTrue(number.matches("\\d{12}"), number);

            List<Map<String, Object>> found = Api.as("acceptor").queryParam("q", number).when().get("/api/cases").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            assertEquals(1, found.size());
            Cases.get("acceptor", ((Number) found.get(0).get("id")).longValue()).body("source", equalTo("INSPECTOR"))
                    .body("classCode", equalTo(classRef)).body("lat", equalTo(35.6612f)).body("attachments.size()", equalTo(1));
        }
    }

    /** 核实 on the phone: the task from the list, a photo, 属实 — 3 taps. */
    @Test
    void aConfirmTaskIsAnsweredWithAPhotoFromTheTaskList() {
        long id = Cases.report("acceptor", "PUBLIC", "incident:0110", Cases.LAT, Cases.LON);
        Cases.act("acceptor", id, "sendToConfirm", Map.of("inspectorId", Cases.staffId("inspector"))).statusCode(200);
        String number = Cases.get("acceptor", id).extract().path("number");
        Path photo = GpsJpeg.file(GpsJpeg.plain(), "site.jpg");
        try (Browser browser = Browser.open(base).signIn("inspector")) {
            WebDriver d = browser.driver();
            browser.go("/m/");
            d.findElement(By.id("tab-tasks")).click();
            // tap 1: the task (the list may be redrawn while it loads, so the tap is retried on a fresh element)
            browser.await(Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class).until(x -> {
                        x.findElement(By.cssSelector("#task-list li.task[data-case='" + number + "'] button")).click();
                        return x.findElement(By.id("task-detail")).isDisplayed();
                    });
            browser.await(Duration.ofSeconds(10)).until(x -> !x.findElements(By.cssSelector("#task-detail .m-map .leaflet-pane")).isEmpty());
            assertTrue(d.findElement(By.cssSelector("#task-detail h3")).getText().contains(number), "the case on its map");
            d.findElement(By.cssSelector("#task-detail input[type=file]")).sendKeys(photo.toString()); // tap 2: photo
            browser.screenshot("collector-task");
            d.findElement(By.cssSelector("#task-detail button.answer-confirm")).click();          // tap 3: 属实
            browser.await(Duration.ofSeconds(30)).until(x -> "PENDING_FILING".equals(Cases.get("acceptor", id).extract().path("stage")));
            Cases.get("acceptor", id).body("attachments.size()", equalTo(1)).body("history[-1].action", equalTo("confirm"));
        }
    }

    private static void offline(ChromeDriver d, boolean offline) {
        d.executeCdpCommand("Network.enable", Map.of());
        d.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
