package org.civicgrid.org.routing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;

/** The routing table through the API and the dispatcher's suggestion on demo cases. */
@QuarkusTest
class RoutingApiTest {

    @Test
    void theMostSpecificRuleRanksFirstAndDeclaredDepartmentsFollow() {
        double[] dongguan = centreOf("370831001001");
        long id = Cases.report("acceptor", "HOTLINE", "incident:0110", dongguan[0], dongguan[1]);
        Api.as("dispatcher").when().get("/api/cases/" + id + "/suggested-departments").then().statusCode(200)
                .body("[0].code", equalTo("street-001")).body("[0].score", equalTo(80))
                .body("[0].reasons[0]", containsString("routing rule"));

        double[] quanlin = centreOf("370831100001");
        long town = Cases.report("acceptor", "HOTLINE", "incident:0110", quanlin[0], quanlin[1]);
        Api.as("dispatcher").when().get("/api/cases/" + town + "/suggested-departments").then().statusCode(200)
                .body("[0].code", equalTo("street-100")).body("[0].score", equalTo(65));

        Api.as("inspector").when().get("/api/cases/" + id + "/suggested-departments").then().statusCode(403);
    }

    @Test
    void aCaseAboutAComponentTakesItsPlaceAndClassAndGoesToItsMaintainerFirst() {
        Map<String, Object> component = Api.as("dispatcher").when().get("/api/components?state=INTACT&size=1").then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
        Map<String, Object> report = new HashMap<>(Map.of("source", "HOTLINE", "description", "部件损坏", "componentId", component.get("id")));
        int id = Api.as("acceptor").body(report).when().post("/api/cases").then().statusCode(201)
                .body("componentId", equalTo(component.get("id"))).body("classCode", equalTo(component.get("classRef")))
                .body("gridCode", equalTo(component.get("gridCode"))).extract().path("id");
        Api.as("dispatcher").when().get("/api/cases/" + id + "/suggested-departments").then().statusCode(200)
                .body("[0].departmentId", equalTo(component.get("maintainerDepartmentId"))).body("[0].score", equalTo(100))
                .body("[0].reasons[0]", containsString("养护单位"));
        report.put("componentId", "3708310101999999");
        Api.as("acceptor").body(report).when().post("/api/cases").then().statusCode(400).body("field", equalTo("componentId"));
    }

    @Test
    void adminsAddCheckedRulesAndRemoveThem() {
        long zhifa = Cases.departmentId("zhifa");
        Api.as("admin").body(Map.of("classRef", "incident:4455", "departmentId", zhifa)).when().post("/api/routing-rules").then()
                .statusCode(400).body("field", equalTo("classRef"));
        Api.as("admin").body(Map.of("classRef", "incident:01", "areaCode", "370831009", "departmentId", zhifa)).when()
                .post("/api/routing-rules").then().statusCode(400).body("field", equalTo("areaCode"));
        Map<String, Object> nothing = new HashMap<>();
        nothing.put("departmentId", zhifa);
        Api.as("admin").body(nothing).when().post("/api/routing-rules").then().statusCode(400).body("field", equalTo("classRef"));
        Api.as("inspector").body(Map.of("classRef", "incident:01", "departmentId", zhifa)).when().post("/api/routing-rules").then().statusCode(403);

        int ruleId = Api.as("admin").body(Map.of("classRef", "incident:0113", "areaCode", "370831002", "departmentId", zhifa, "note", "测试"))
                .when().post("/api/routing-rules").then().statusCode(201).extract().path("id");
        Api.as("dispatcher").when().get("/api/routing-rules").then().statusCode(200).body("id", hasItem(ruleId));
        Api.as("admin").when().delete("/api/routing-rules/" + ruleId).then().statusCode(204);
        Api.as("admin").when().delete("/api/routing-rules/" + ruleId).then().statusCode(404);
    }

    private static double[] centreOf(String community) {
        List<Map<String, Object>> items = Api.as("dispatcher").when().get("/api/grids?community=" + community).then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, Object> grid = items.get(items.size() / 2);
        return new double[] {((Number) grid.get("centreLat")).doubleValue(), ((Number) grid.get("centreLon")).doubleValue()};
    }
}
