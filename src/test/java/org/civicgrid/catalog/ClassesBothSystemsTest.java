package org.civicgrid.catalog;

import static org.civicgrid.testsupport.Cases.act;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 §1: a case in a GB/T 47678.5 class can be filed — through the legacy → GB mapping, or with the marked
 * default standard when the class has none — and is routed to a department; pickers show the active system (GB/T
 * 47678.5 on a new site) once per class with the legacy code as alias; the API takes bare codes.
 */
@QuarkusTest
class ClassesBothSystemsTest {

    /** The defect as reported: incident:09009 (the demo Frigate rule's class) had no 立案条件 and no department. */
    @Test
    void anUnmappedGbClassGetsTheMarkedDefaultStandardIsFiledAndRouted() {
        long id = Cases.report("acceptor", "HOTLINE", "incident:09009", Cases.LAT, Cases.LON);
        act("acceptor", id, "accept", Map.of()).statusCode(200).body("stage", equalTo("PENDING_FILING"));
        List<Map<String, Object>> standards = Api.as("shiftlead").queryParam("classRef", "incident:09009").when()
                .get("/api/filing-standards").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, standards.size(), "one default standard: " + standards);
        assertEquals(Boolean.TRUE, standards.get(0).get("defaultStandard"));
        assertEquals(DefaultStandards.CONDITION, standards.get(0).get("condition"));
        long condition = ((Number) standards.get(0).get("id")).longValue();
        act("shiftlead", id, "file", Map.of("conditionId", condition)).statusCode(200).body("stage", equalTo("FILED"))
                .body("classCode", equalTo("incident:09009")).body("handlingLimit", equalTo("5工作日"));
        Api.as("dispatcher").when().get("/api/cases/" + id + "/suggested-departments").then().statusCode(200)
                .body("code", hasItem("jiaojing"));
    }

    @Test
    void aMappedGbClassFilesUnderItsLegacyStandardsAndKeepsItsClass() {
        long id = Cases.report("acceptor", "HOTLINE", "component:01002", Cases.LAT, Cases.LON);
        act("acceptor", id, "accept", Map.of()).statusCode(200);
        long condition = Cases.conditionId("component:01002", "破损超过25");
        act("shiftlead", id, "file", Map.of("conditionId", condition)).statusCode(200).body("stage", equalTo("FILED"))
                .body("classCode", equalTo("component:01002")).body("handlingLimit", equalTo("4工作时"));
        Api.as("dispatcher").when().get("/api/cases/" + id + "/suggested-departments").then().statusCode(200)
                .body("code", hasItem("shizheng"));
        // a standard of an unrelated class still cannot be mixed in under the case's own class
        long other = Cases.report("acceptor", "HOTLINE", "component:01002", Cases.LAT, Cases.LON);
        act("acceptor", other, "accept", Map.of()).statusCode(200);
        act("shiftlead", other, "file", Map.of("conditionId", Cases.conditionId("component:0101", "破损超过25"), "classCode", "component:01002"))
                .statusCode(400).body("field", equalTo("conditionId"));
    }

    @Test
    void noActiveClassIsUnfileable() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> unfileable = CaseClass.<CaseClass>list("active = true").stream().map(c -> c.ref)
                    .filter(ref -> FilingStandard.forClass(ref).isEmpty()).toList();
            assertTrue(unfileable.isEmpty(), "classes with no 立案条件: " + unfileable);
            long gbWithMappedStandards = CaseClass.<CaseClass>list("system", ClassSystem.GBT47678).stream()
                    .filter(c -> FilingStandard.forClass(c.ref).stream().anyMatch(s -> !s.defaultStandard)).count();
            assertTrue(gbWithMappedStandards > 100, "the 运城 standards reach the mapped GB classes: " + gbWithMappedStandards);
        });
    }

    @Test
    void aNewSitePicksInGbCodesWithTheLegacyCodeAsAlias() {
        List<Map<String, Object>> classes = Api.as("inspector").when().get("/api/m/classes").then().statusCode(200)
                .body("classes.code", everyItem(matchesPattern("\\d{5}")))
                .extract().jsonPath().getList("classes");
        Set<String> refs = new HashSet<>();
        classes.forEach(c -> assertTrue(refs.add((String) c.get("ref")), "each class once: " + c.get("ref")));
        Map<String, Object> sewer = classes.stream().filter(c -> "component:01002".equals(c.get("ref"))).findFirst().orElseThrow();
        assertEquals("0102", sewer.get("alias"));
        assertEquals("污水井盖", sewer.get("name"));
        WebSession.signIn("admin").page().when().get("/admin/catalog").then().statusCode(200)
                .body(containsString("id=\"active-system\"")).body(containsString("value=\"gbt47678\" selected"));
        WebSession.signIn("acceptor").page().when().get("/cases/new").then().statusCode(200).body(containsString("value=\"component:01002\""))
                .body(not(containsString("value=\"component:0102\"")));
    }

    @Test
    void theApiTakesBareCodesAndAsksForTheKindWhereALegacyCodeIsBoth() {
        long gb = Cases.report("acceptor", "HOTLINE", "09009", Cases.LAT, Cases.LON);
        Cases.get("acceptor", gb).body("classCode", equalTo("incident:09009"));
        long component = Cases.report("acceptor", "HOTLINE", "01002", Cases.LAT, Cases.LON);
        Cases.get("acceptor", component).body("classCode", equalTo("component:01002"));
        Api.as("acceptor").body(Map.of("source", "HOTLINE", "description", "测试", "lat", Cases.LAT, "lon", Cases.LON, "classCode", "0101"))
                .when().post("/api/cases").then().statusCode(400).body("field", equalTo("classCode"))
                .body("message", containsString("component:0101")).body("message", containsString("incident:0101"));
    }

    @Test
    void theAdminSwitchesTheActiveSystem() {
        WebSession admin = WebSession.signIn("admin");
        try {
            admin.form().formParam("system", "legacy").when().post("/admin/catalog/code-system").then().statusCode(303);
            Api.as("inspector").when().get("/api/m/classes").then().statusCode(200).body("classes.code", everyItem(matchesPattern("\\d{4}")));
        } finally {
            admin.form().formParam("system", "gbt47678").when().post("/admin/catalog/code-system").then().statusCode(303);
        }
        assertFalse(Api.as("inspector").when().get("/api/m/classes").then().extract().jsonPath().getList("classes.code").isEmpty());
    }
}
