package org.civicgrid.hotline;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Browser;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Taking a call in a real browser: the acceptor types the caller, finds the address in the gazetteer, picks the class
 * by typing part of its name, sees the open case of that class next door offered as a duplicate, and creates the case.
 */
@QuarkusTest
class HotlineBrowserTest {

    /** 县人民医院 in the demo gazetteer. */
    private static final double HOSPITAL_LAT = 35.664640;
    private static final double HOSPITAL_LON = 117.273111;

    @TestHTTPResource("/")
    URI base;

    @Test
    void anAcceptorTakesACallFindsTheAddressSeesADuplicateAndCreatesTheCase() {
        long nextDoor = Cases.report("acceptor", "PUBLIC", "incident:0110", HOSPITAL_LAT + 0.0001, HOSPITAL_LON);
        String nextDoorNumber = Cases.get("acceptor", nextDoor).extract().path("number");

        try (Browser browser = Browser.open(base).signIn("acceptor")) {
            WebDriver d = browser.driver();
            browser.go("/hotline");
            browser.await(Duration.ofSeconds(30)).until(x -> !x.findElements(By.cssSelector("#hotline-map .leaflet-pane")).isEmpty());
            d.findElement(By.id("callerPhone")).sendKeys("13955550001");
            d.findElement(By.id("callerName")).sendKeys("赵先生");

            d.findElement(By.id("address-q")).sendKeys("县人民医院");
            d.findElement(By.id("address-find")).click();
            WebElement candidate = browser.await(Duration.ofSeconds(15))
                    .until(x -> x.findElements(By.cssSelector("#address-candidates button.candidate")).stream().findFirst().orElse(null));
            assertTrue(candidate.getText().contains("县人民医院"), candidate.getText());
            candidate.click();
            assertEquals(HOSPITAL_LAT, Double.parseDouble(d.findElement(By.id("lat")).getAttribute("value")), 1e-6);
            assertTrue(d.findElement(By.id("address")).getAttribute("value").contains("人民路150号"));
            assertFalse(d.findElements(By.cssSelector("#hotline-map path.picked")).isEmpty(), "the picked point is on the map");

            d.findElement(By.id("class-q")).sendKeys("暴露垃圾");
            assertEquals("incident:06010", new Select(d.findElement(By.id("class-select"))).getFirstSelectedOption().getAttribute("value"));
            WebElement suggestion = browser.await(Duration.ofSeconds(15))
                    .until(x -> x.findElements(By.cssSelector("#suggestions li.suggestion[data-case='" + nextDoorNumber + "']")).stream()
                            .findFirst().orElse(null));
            assertTrue(suggestion.getText().contains("相距 11 米"), suggestion.getText());

            d.findElement(By.id("description")).sendKeys("医院门口垃圾没人清");
            browser.screenshot("hotline-desk");
            d.findElement(By.id("create")).click();
            WebElement taken = browser.await(Duration.ofSeconds(15)).until(x -> x.findElements(By.id("call-taken")).stream().findFirst().orElse(null));
            String number = taken.findElement(By.tagName("a")).getText();
            assertTrue(number.matches("\\d{12}") && !number.equals(nextDoorNumber), taken.getText());

            List<Map<String, Object>> found = Api.as("acceptor").queryParam("q", number).when().get("/api/cases").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            assertEquals(1, found.size());
            Cases.get("acceptor", ((Number) found.get(0).get("id")).longValue()).body("source", equalTo("HOTLINE"))
                    .body("classCode", equalTo("incident:06010")).body("reporterPhone", equalTo("13955550001"))
                    .body("reporterName", equalTo("赵先生")).body("description", equalTo("医院门口垃圾没人清"));
        }
    }
}
