package org.civicgrid.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Store;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The defects of issue 17's "500s and partial writes", each as it was reported: now a 4xx JSON error, nothing stored. */
@QuarkusTest
class ApiErrorsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBadWorkGridCodeIsRefusedBeforeAnythingIsStored() {
        long before = Store.count(dataSource, "work_grid");
        Api.as("admin").body(Map.of("code", "a b/c", "name", "坏编码")).when().post("/api/work-grids").then().statusCode(400)
                .body("error", equalTo("invalid_input")).body("field", equalTo("code")).body("zh", equalTo("输入有误"))
                .body("en", equalTo("Invalid input"));
        Api.as("admin").body(Map.of("code", "x".repeat(100_000), "name", "超长编码")).when().post("/api/work-grids").then().statusCode(400)
                .body("field", equalTo("code"));
        assertEquals(before, Store.count(dataSource, "work_grid"));
    }

    @Test
    void aNotANumberConfidenceIsABadRequest() {
        long before = Store.count(dataSource, "alert_rule");
        Api.as("admin").body(Map.of("name", "NaN 规则", "priority", 5, "minConfidence", "NaN", "autoFile", false, "enabled", true))
                .when().post("/api/alert-rules").then().statusCode(400).body("field", equalTo("minConfidence"));
        assertEquals(before, Store.count(dataSource, "alert_rule"));
    }

    @Test
    void wrongJsonTypesAndUnknownEnumsAnswerWithAMessage() {
        Api.as("acceptor").body("{\"source\": \"HOTLINE\", \"description\": \"x\", \"lat\": \"abc\", \"lon\": 117.2}").when().post("/api/cases")
                .then().statusCode(400).body("error", equalTo("invalid_input")).body("field", equalTo("lat"))
                .body("message", containsString("a number"));
        Api.as("acceptor").body("{\"source\": \"NOWHERE\", \"description\": \"x\", \"lat\": 35.66, \"lon\": 117.26}").when().post("/api/cases")
                .then().statusCode(400).body("field", equalTo("source")).body("message", containsString("HOTLINE"));
        Api.as("acceptor").body("{\"description\": ").when().post("/api/cases").then().statusCode(400)
                .body("message", containsString("JSON"));
    }

    @Test
    void unreadableQueryParametersAre400AndEnumsIgnoreCase() {
        Api.as("dispatcher").queryParam("from", "yesterday").when().get("/api/cases").then().statusCode(400)
                .body("error", equalTo("bad_parameter")).body("message", notNullValue());
        Api.as("dispatcher").queryParam("stage", "nonsense").when().get("/api/cases").then().statusCode(400)
                .body("message", containsString("REPORTED"));
        Api.as("dispatcher").queryParam("page", "two").when().get("/api/cases").then().statusCode(400);
        Api.as("dispatcher").queryParam("stage", "reported").when().get("/api/cases").then().statusCode(200);
        Api.as("dispatcher").queryParam("outcome", "created").when().get("/api/alerts").then().statusCode(200);
    }

    @Test
    void discoveringAnUnknownHostIsExplainedNotAFailure() {
        WebSession.signIn("admin").form().formParam("address", "abc").when().post("/cameras/discover").then().statusCode(200)
                .body(containsString("abc")).body(not(containsString("unexpected error")));
    }

    @Test
    void aHugeDescriptionIsRefused() {
        long before = Store.count(dataSource, "case_file");
        Api.as("acceptor").body(Map.of("source", "HOTLINE", "description", "长".repeat(1_000_000), "lat", 35.66, "lon", 117.26))
                .when().post("/api/cases").then().statusCode(400).body("field", equalTo("description"));
        assertEquals(before, Store.count(dataSource, "case_file"));
    }
}
