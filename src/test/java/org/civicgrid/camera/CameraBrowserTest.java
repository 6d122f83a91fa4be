package org.civicgrid.camera;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.OnvifResponder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Cameras in a real browser: the map of cameras, "test connection" on the form, and a snapshot attached from a case page. */
@QuarkusTest
class CameraBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void anAdminTestsAConnectionAndAnInspectorAttachesASnapshotToACase() throws Exception {
        try (OnvifResponder camera = new OnvifResponder(Clock.systemUTC()); Browser browser = Browser.open(base).signIn("admin")) {
            browser.go("/cameras");
            browser.await(Duration.ofSeconds(30)).until(d -> d.findElement(By.id("camera-map")).getAttribute("data-cameras-drawn") != null);
            assertTrue(Integer.parseInt(browser.driver().findElement(By.id("camera-map")).getAttribute("data-cameras-drawn")) >= 4, "demo cameras drawn");
            assertTrue(browser.driver().findElements(By.cssSelector("#camera-map .camera-marker")).size() >= 4);

            browser.go("/cameras/new");
            browser.driver().findElement(By.id("onvifAddress")).sendKeys(camera.deviceService());
            browser.driver().findElement(By.id("username")).sendKeys(OnvifResponder.USER);
            browser.driver().findElement(By.id("password")).sendKeys(OnvifResponder.PASSWORD);
            browser.driver().findElement(By.id("test-connection")).click();
            WebElement ok = browser.await(Duration.ofSeconds(15)).until(d -> d.findElements(By.id("test-ok")).stream().findFirst().orElse(null));
            assertTrue(ok.getText().contains("Happytimesoft"), ok.getText());

            long id = Api.as("admin").body(Map.of("name", "浏览器测试摄像机 " + System.nanoTime(), "onvifAddress", camera.deviceService(),
                    "username", OnvifResponder.USER, "password", OnvifResponder.PASSWORD, "lat", CameraApiTest.LAT, "lon", CameraApiTest.LON))
                    .when().post("/api/cameras").then().statusCode(201).extract().jsonPath().getLong("id");
            Api.as("admin").when().post("/api/cameras/" + id + "/probe").then().statusCode(200);
            long caseId = Cases.report("inspector", "INSPECTOR", null, CameraApiTest.LAT + 0.0003, CameraApiTest.LON);

            browser.go("/cases/" + caseId);
            WebElement attach = browser.await(Duration.ofSeconds(15)).until(d -> d.findElements(
                    By.xpath("//section[@id='nearby-cameras']//tr[.//a[@href='/cameras/" + id + "']]//button[contains(@class,'attach-snapshot')]"))
                    .stream().findFirst().orElse(null));
            attach.click();
            browser.await(Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("snapshot-attached")).isEmpty());
            browser.screenshot("camera-case-snapshot");
            Cases.get("inspector", caseId).body("attachments.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        }
    }
}
