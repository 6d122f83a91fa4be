package org.civicgrid.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The case list's street, department and date filters, kept in the page links. */
@QuarkusTest
class CaseListFiltersTest {

    private static final String CLASS = "component:0101";

    @Test
    void streetDepartmentAndDatesNarrowTheList() {
        long id = Cases.report("acceptor", "HOTLINE", CLASS, Cases.LAT, Cases.LON);
        var c = Cases.get("acceptor", id).extract();
        String number = c.path("number");
        String street = c.path("streetCode");
        String href = "href=\"/cases/" + id + "\"";
        WebSession dispatcher = WebSession.signIn("dispatcher");
        dispatcher.page().queryParam("streetCode", street).queryParam("q", number).when().get("/cases").then().statusCode(200)
                .body(containsString(href)).body(containsString("<option value=\"" + street + "\" selected"));
        dispatcher.page().queryParam("streetCode", "370831999").queryParam("q", number).when().get("/cases").then().statusCode(200)
                .body(not(containsString(href)));

        LocalDate today = java.time.Instant.parse(c.<String>path("createdAt")).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        dispatcher.page().queryParam("from", today.toString()).queryParam("to", today.toString()).queryParam("q", number).when()
                .get("/cases").then().statusCode(200).body(containsString(href)).body(containsString("value=\"" + today + "\""));
        dispatcher.page().queryParam("to", today.minusDays(1).toString()).queryParam("q", number).when().get("/cases").then()
                .statusCode(200).body(not(containsString(href)));

        long shizheng = Cases.departmentId("shizheng");
        dispatcher.page().queryParam("departmentId", shizheng).queryParam("q", number).when().get("/cases").then().statusCode(200)
                .body(not(containsString(href)));
        int version = c.path("version");
        Cases.act("acceptor", id, "accept", Map.of("version", version)).statusCode(200);
        version = Cases.get("acceptor", id).extract().path("version");
        Cases.act("shiftlead", id, "file", Map.of("version", version, "conditionId", Cases.conditionId(CLASS, "破损超过25"))).statusCode(200);
        version = Cases.get("acceptor", id).extract().path("version");
        Cases.act("dispatcher", id, "dispatch", Map.of("version", version, "departmentId", shizheng)).statusCode(200);
        dispatcher.page().queryParam("departmentId", shizheng).queryParam("q", number).when().get("/cases").then().statusCode(200)
                .body(containsString(href));
        // a department's own staff get no department picker: they only ever see their own
        WebSession.signIn("shizheng").page().when().get("/cases").then().statusCode(200).body(not(containsString("id=\"departmentId\"")));
    }

    @Test
    void filtersStayInThePageLinks() {
        for (int i = 0; i < 21; i++) {
            Cases.report("acceptor", "PUBLIC", CLASS, Cases.LAT, Cases.LON);
        }
        WebSession.signIn("dispatcher").page().queryParam("source", "PUBLIC").queryParam("from", "2020-01-01").when().get("/cases").then()
                .statusCode(200).body(containsString("source=PUBLIC&amp;from=2020-01-01&amp;page=1"));
    }
}
