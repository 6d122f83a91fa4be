package org.civicgrid.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The staff report form: a case registered from it, a refused one back with the problem, who may use it. */
@QuarkusTest
class CaseReportPagesTest {

    @Test
    void theAcceptorRegistersAHotlineCase() {
        WebSession acceptor = WebSession.signIn("acceptor");
        acceptor.page().when().get("/cases/new").then().statusCode(200).body(containsString("登记新案卷"))
                .body(containsString("<option value=\"HOTLINE\"")).body(not(containsString("<option value=\"INSPECTOR\"")))
                .body(containsString("value=\"component:01001\"")).body(containsString("id=\"report-map\""));
        String location = acceptor.form().formParam("source", "HOTLINE").formParam("classCode", "component:0101")
                .formParam("description", "人民路井盖缺失").formParam("lat", String.valueOf(Cases.LAT)).formParam("lon", String.valueOf(Cases.LON))
                .formParam("address", "人民路 12 号").formParam("reporterName", "王先生").formParam("reporterPhone", "13900000000")
                .when().post("/cases/new").then().statusCode(303).header("Location", containsString("?done=report")).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/cases/(\\d+)\\?.*", "$1"));
        Api.as("acceptor").when().get("/api/cases/" + id).then().statusCode(200).body("stage", equalTo("REPORTED"))
                .body("source", equalTo("HOTLINE")).body("classCode", equalTo("component:0101")).body("reporterName", equalTo("王先生"))
                .body("description", equalTo("人民路井盖缺失"));
    }

    @Test
    void aReportOutsideTheCountyComesBackWithTheFormFilled() {
        WebSession.signIn("acceptor").form().formParam("source", "HOTLINE").formParam("description", "路灯不亮")
                .formParam("lat", "30.0").formParam("lon", "110.0").when().post("/cases/new").then().statusCode(400)
                .body(containsString("role=\"alert\"")).body(containsString("路灯不亮")).body(not(containsString("Exception")));
        WebSession.signIn("acceptor").form().formParam("source", "HOTLINE").formParam("description", "路灯不亮")
                .formParam("lat", "abc").formParam("lon", "117.26").when().post("/cases/new").then().statusCode(400)
                .body(containsString("id=\"lat\" name=\"lat\" value=\"abc\" inputmode=\"decimal\" class=\"field-error\""));
    }

    @Test
    void departmentsMayNotRegisterCases() {
        WebSession.signIn("huanwei").page().when().get("/cases/new").then().statusCode(403).body(containsString("<html"));
        WebSession.signIn("dispatcher").page().when().get("/").then().statusCode(200).body(not(containsString("href=\"/cases/new\"")));
        WebSession.signIn("inspector").page().when().get("/").then().statusCode(200).body(containsString("href=\"/cases/new\""));
    }
}
