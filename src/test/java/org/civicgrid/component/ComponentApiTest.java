package org.civicgrid.component;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.junit.jupiter.api.Test;

/** Components through the API, on the demo county's ~10,000 generated components. */
@QuarkusTest
class ComponentApiTest {

    private static final String GRID = "370831002003001";

    @Test
    void theDemoCountyHasAboutTenThousandComponentsAndAGridListsOnlyItsOwn() {
        int total = Api.as("inspector").when().get("/api/components?size=1").then().statusCode(200).extract().jsonPath().getInt("total");
        assertTrue(total >= 9_000, "components: " + total);
        JsonPath grid = Api.as("inspector").when().get("/api/components?size=500&gridCode=" + GRID).then().statusCode(200).extract().jsonPath();
        List<String> grids = grid.getList("items.gridCode");
        assertFalse(grids.isEmpty());
        assertTrue(grids.stream().allMatch(GRID::equals), grids.toString());
        assertEquals(grid.getInt("total"), grids.size());
        Api.as("inspector").when().get("/api/components?size=5&classCode=0137").then().statusCode(200)
                .body("items.classRef", org.hamcrest.Matchers.everyItem(equalTo("component:0137")))
                .body("items.className", org.hamcrest.Matchers.everyItem(equalTo("路灯")));
        Api.as("inspector").when().get("/api/components?state=broken").then().statusCode(400).body("field", equalTo("state"));
        Api.anonymous().when().get("/api/components").then().statusCode(401);
    }

    @Test
    void nearAPointListsComponentsWithinTheRadiusNearestFirst() {
        Map<String, Object> first = firstInGrid();
        JsonPath near = Api.as("acceptor").when().get("/api/components?size=500&radius=300&near=" + first.get("lat") + "," + first.get("lon"))
                .then().statusCode(200).extract().jsonPath();
        List<Float> distances = near.getList("items.distanceM", Float.class);
        assertTrue(distances.size() > 3, "near: " + distances.size());
        assertEquals(first.get("id"), near.getString("items[0].id"));
        for (int i = 0; i < distances.size(); i++) {
            assertTrue(distances.get(i) <= 300, "distance " + distances.get(i));
            assertTrue(i == 0 || distances.get(i - 1) <= distances.get(i), "sorted: " + distances);
        }
        Api.as("acceptor").when().get("/api/components?near=35.66,117.27&radius=5000").then().statusCode(400).body("field", equalTo("radius"));
        Api.as("acceptor").when().get("/api/components?near=north").then().statusCode(400).body("field", equalTo("near"));
    }

    @Test
    void theGeocoderListsTheComponentAtThePointFirst() {
        Map<String, Object> first = firstInGrid();
        Api.as("acceptor").when().get("/api/geocode?lat=" + first.get("lat") + "&lon=" + first.get("lon")).then().statusCode(200)
                .body("gridCode", equalTo(GRID)).body("nearestComponents[0].id", equalTo(first.get("id")))
                .body("nearestComponents[0].distanceM", org.hamcrest.Matchers.lessThan(1f));
    }

    @Test
    void importStoresGoodFeaturesAndNamesTheReasonForEachBadOne() {
        double[] at = insideGrid();
        String serial = runSerial();
        String legacy = "3708310137" + serial;
        String gb = "37083101001" + serial;
        String features = String.join(",",
                feature(legacy, "component:0137", "shizheng", at[0], at[1]),
                feature(gb, "01001", "gongshui", at[0] + 0.0001, at[1]),
                feature("370831013700001", "component:0137", null, at[0], at[1]),
                feature("3708310177" + serial, "component:0177", null, at[0], at[1]),
                feature("3708310102" + serial, "component:0101", null, at[0], at[1]),
                feature("3708310305" + serial, null, "nosuchdept", at[0], at[1]),
                feature("3708310402" + serial, null, null, 39.9087, 116.3975),
                feature(legacy, "component:0137", null, at[0], at[1]),
                feature("3708310137000001", null, null, at[0], at[1]));
        JsonPath report = Api.as("admin").body("{\"type\": \"FeatureCollection\", \"features\": [" + features + "]}")
                .when().post("/api/components/import").then().statusCode(200).extract().jsonPath();
        assertEquals(2, report.getInt("imported"), report.prettify());
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), report.getList("rejected.index"));
        List<String> reasons = report.getList("rejected.reason");
        assertTrue(reasons.get(0).contains("15 characters"), reasons.get(0));
        assertTrue(reasons.get(1).contains("component:0177 is not an active component class"), reasons.get(1));
        assertTrue(reasons.get(2).contains("does not match class component:0101"), reasons.get(2));
        assertTrue(reasons.get(3).contains("unknown department code 'nosuchdept'"), reasons.get(3));
        assertTrue(reasons.get(4).contains("outside the county"), reasons.get(4));
        assertTrue(reasons.get(5).contains("appears twice"), reasons.get(5));
        assertTrue(reasons.get(6).contains("already stored"), reasons.get(6));
        Api.as("inspector").when().get("/api/components/" + gb).then().statusCode(200)
                .body("component.classRef", equalTo("component:01001")).body("component.className", equalTo("供水井盖"))
                .body("component.state", equalTo("INTACT")).body("component.gridCode", startsWith("370831"));
        Api.as("inspector").when().post("/api/components/import").then().statusCode(403);
    }

    @Test
    void csvImportTakesTheGoodRowAndReportsTheBadOne() {
        double[] at = insideGrid();
        String id = "3708310305" + runSerial();
        String csv = "id,name,class,state,lat,lon,owner_department,property_department,maintainer_department,installed_on,data_source,accuracy_class,address\n"
                + id + ",果皮箱,0305,完好," + at[0] + "," + at[1] + ",huanwei,,huanwei,2024-05-01,巡查,B,文化路 12 号\n"
                + "3708310305" + runSerial() + ",果皮箱,0305,完好," + at[0] + "," + at[1] + ",huanwei,,huanwei,2024-13-01,巡查,Z,\n";
        Api.as("admin").contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/components/import").then().statusCode(200)
                .body("imported", equalTo(1)).body("rejected", hasSize(1)).body("rejected[0].index", equalTo(1))
                .body("rejected[0].reason", containsString("accuracy class 'Z'"));
        Api.as("dispatcher").when().get("/api/components/" + id).then().statusCode(200)
                .body("component.name", equalTo("果皮箱")).body("component.dataSource", equalTo("巡查"))
                .body("component.installedOn", equalTo("2024-05-01")).body("component.accuracyClass", equalTo("B"));
        String export = Api.as("leader").accept("text/csv").when().get("/api/components/export?format=csv").then().statusCode(200)
                .extract().asString();
        assertTrue(export.startsWith("id,name,class,state,lat,lon,owner_department"), export.substring(0, 80));
        assertTrue(export.contains(id + ",果皮箱,component:0305,INTACT"));
    }

    @Test
    void aStateChangeIsRecordedWithItsHistoryAndReachesTheIndex() {
        double[] at = insideGrid();
        String id = "3708310101" + runSerial();
        Api.as("admin").body("{\"type\": \"FeatureCollection\", \"features\": [" + feature(id, null, "gongshui", at[0], at[1]) + "]}")
                .when().post("/api/components/import").then().statusCode(200).body("imported", equalTo(1));
        Api.as("inspector").body(Map.of("state", "DAMAGED", "note", "井盖破损，巡查发现")).when().put("/api/components/" + id + "/state")
                .then().statusCode(200).body("component.state", equalTo("DAMAGED")).body("component.stateLabel", equalTo("破损"))
                .body("stateChanges", hasSize(1)).body("stateChanges[0].fromState", equalTo("INTACT"))
                .body("stateChanges[0].changedBy", equalTo("inspector"));
        Api.as("acceptor").when().get("/api/components?state=DAMAGED&radius=1&near=" + at[0] + "," + at[1]).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        Api.as("acceptor").body(Map.of("state", "LOST")).when().put("/api/components/" + id + "/state").then().statusCode(403);
        Api.as("inspector").body(Map.of("state", "gone")).when().put("/api/components/" + id + "/state").then().statusCode(400);
        Api.as("inspector").when().get("/api/components/3708310101999999x").then().statusCode(404);
    }

    private static Map<String, Object> firstInGrid() {
        Map<String, Object> first = Api.as("inspector").when().get("/api/components?size=1&gridCode=" + GRID).then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
        assertNotNull(first);
        return first;
    }

    /** A point in a demo grid, a little different in each run (a kept store holds earlier runs' components). */
    private static double[] insideGrid() {
        JsonPath grid = Api.as("admin").when().get("/api/grids?community=370831001002").then().statusCode(200).extract().jsonPath();
        double jitter = (System.nanoTime() % 1000) * 1e-8;
        return new double[] {grid.getDouble("items[0].centreLat") + jitter, grid.getDouble("items[0].centreLon") + jitter};
    }

    /** A 6-digit serial above the demo's, unique to the run. */
    private static String runSerial() {
        return String.valueOf(900_000 + (System.nanoTime() / 1000) % 99_999);
    }

    private static String feature(String id, String classRef, String maintainer, double lat, double lon) {
        return "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [" + lon + ", " + lat + "]},"
                + " \"properties\": {\"id\": \"" + id + "\"" + (classRef == null ? "" : ", \"classRef\": \"" + classRef + "\"")
                + (maintainer == null ? "" : ", \"maintainerDepartment\": \"" + maintainer + "\"") + "}}";
    }
}
