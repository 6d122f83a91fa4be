package org.civicgrid.grid;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;

/** Unit grids, work grids and the geocoder through the API, on the demo county's generated grids. */
@QuarkusTest
class GridApiTest {

    /** Read numbers as doubles: RestAssured's default floats round coordinates by decimetres. */
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    @Test
    void theDemoCountyHasSeveralHundredGridsNestedInItsCommunities() {
        JsonPath grids = Api.as("inspector").when().get("/api/grids").then().statusCode(200).extract().jsonPath();
        int total = grids.getInt("total");
        assertTrue(total >= 400 && total <= 1000, "grids: " + total);
        List<Map<String, Object>> items = grids.getList("items");
        for (Map<String, Object> item : items) {
            String code = (String) item.get("code");
            assertEquals(code.substring(0, 12), item.get("communityCode"));
            assertEquals(code.substring(0, 9), item.get("streetCode"));
            assertTrue(((Number) item.get("areaM2")).doubleValue() > 1000, code + " is a block, not a sliver");
        }
        Api.as("inspector").when().get("/api/grids?community=370831001001").then().statusCode(200)
                .body("items.communityName", everyItem(equalTo("东关社区"))).body("items.streetName", everyItem(equalTo("泗河街道")))
                .body("total", greaterThan(20));
        Api.as("admin").when().get("/api/grids/topology").then().statusCode(200)
                .body("grids", equalTo(total)).body("overlaps", empty()).body("gaps", empty());
        Api.as("inspector").when().get("/api/grids/boundary").then().statusCode(200)
                .body("type", equalTo("Feature")).body("geometry.type", equalTo("Polygon"));
        Api.as("inspector").when().get("/api/grids/370831001001001").then().statusCode(200)
                .body("properties.code", equalTo("370831001001001")).body("properties.name", equalTo("东关社区第001网格"))
                .body("geometry.type", startsWith(""));
        Api.as("inspector").when().get("/api/grids/370831001001999").then().statusCode(404);
        Api.anonymous().when().get("/api/grids").then().statusCode(401);
    }

    @Test
    void geocodingAPointGivesItsGridCommunityAndStreetOrSaysOutside() {
        Map<String, Object> grid = firstGrid("370831002003");
        double lat = ((Number) grid.get("centreLat")).doubleValue();
        double lon = ((Number) grid.get("centreLon")).doubleValue();
        Api.as("acceptor").when().get("/api/geocode?lat=" + lat + "&lon=" + lon).then().statusCode(200)
                .body("inCounty", equalTo(true)).body("inGrid", equalTo(true)).body("gridCode", equalTo(grid.get("code")))
                .body("communityCode", equalTo("370831002003")).body("communityName", equalTo("文化路社区"))
                .body("streetCode", equalTo("370831002")).body("streetName", equalTo("济河街道"));
        Api.as("acceptor").when().get("/api/geocode?lat=39.9087&lon=116.3975").then().statusCode(200)
                .body("inCounty", equalTo(false)).body("gridCode", nullValue()).body("message", containsString("outside"));
        Api.as("acceptor").when().get("/api/geocode?lon=117.27").then().statusCode(400).body("field", equalTo("lat"));
    }

    @Test
    void importStoresGoodFeaturesAndNamesTheReasonForEachBadOne() {
        // a serial unique to the run, so the test also passes on a store kept from an earlier run
        String code = "370831001001Z" + String.format("%2s", Long.toString(System.nanoTime() % 1296, 36)).replace(' ', '0').toUpperCase();
        String square = square(35.6655, 117.2600, 0.0005);
        String collection = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "%1$s", "name": "测试网格"}, "geometry": %2$s},
                  {"type": "Feature", "properties": {"code": "37083100100190"}, "geometry": %2$s},
                  {"type": "Feature", "properties": {"code": "370831001998001"}, "geometry": %2$s},
                  {"type": "Feature", "properties": {"code": "370831001001Y01"}, "geometry": {"type": "Polygon",
                    "coordinates": [[[117.26, 35.665], [117.261, 35.666], [117.261, 35.665], [117.26, 35.666], [117.26, 35.665]]]}},
                  {"type": "Feature", "properties": {"code": "370831001001001"}, "geometry": %2$s},
                  {"type": "Feature", "properties": {"code": "370831001001Y02"}, "geometry": %3$s},
                  {"type": "Feature", "properties": {"code": "370831001001Y03"}, "geometry": {"type": "Point", "coordinates": [117.26, 35.665]}},
                  {"type": "Feature", "properties": {"code": "%1$s"}, "geometry": %2$s},
                  {"type": "Feature", "properties": {"code": "370831001001Y04"}}
                ]}""".formatted(code, square, square(39.90, 116.40, 0.001));
        JsonPath report = Api.as("admin").body(collection).when().post("/api/grids/import").then().statusCode(200)
                .body("imported", equalTo(1)).body("rejected.index", contains(1, 2, 3, 4, 5, 6, 7, 8))
                .extract().jsonPath();
        assertReason(report, 1, "has 14 characters");
        assertReason(report, 2, "no community 370831001998");
        assertReason(report, 3, "invalid polygon: Self-intersection");
        assertReason(report, 4, "already exists");
        assertReason(report, 5, "outside the county boundary");
        assertReason(report, 6, "must be a Polygon or MultiPolygon, not Point");
        assertReason(report, 7, "appears twice");
        assertReason(report, 8, "no geometry");
        assertTrue(report.getList("overlaps.first").contains(code) || report.getList("overlaps.second").contains(code),
                "the new grid lies over demo grids: " + report.getList("overlaps"));

        Api.as("inspector").when().get("/api/grids/" + code).then().statusCode(200)
                .body("properties.name", equalTo("测试网格")).body("properties.communityName", equalTo("东关社区"))
                .body("properties.areaM2", greaterThan(500f));
        Api.as("inspector").when().get("/api/grids/geojson?community=370831001001&download=true").then().statusCode(200)
                .header("Content-Disposition", containsString("unit-grids.geojson"))
                .body("type", equalTo("FeatureCollection")).body("features.properties.code", hasItem(code));

        // retire it again (replace, valid until 2020): it leaves the index and the topology of grids in force
        String retire = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "%s", "name": "测试网格", "validTo": "2020-01-01"}, "geometry": %s}]}"""
                .formatted(code, square);
        Api.as("admin").body(retire).when().post("/api/grids/import?replace=true").then().statusCode(200).body("imported", equalTo(1));
        Api.as("admin").when().get("/api/grids/topology").then().statusCode(200).body("overlaps", empty());
        Api.as("acceptor").when().get("/api/geocode?lat=35.6655&lon=117.26").then().statusCode(200)
                .body("gridCode", not(equalTo(code)));
    }

    @Test
    void onlyAdminsImportAndAGarbledBodyIsA400() {
        Api.as("inspector").body("{\"type\": \"FeatureCollection\", \"features\": []}").when().post("/api/grids/import").then().statusCode(403);
        Api.as("admin").body("{\"type\": \"Feature\"}").when().post("/api/grids/import").then().statusCode(400)
                .body("message", containsString("FeatureCollection"));
        Api.as("admin").body("{\"type\": \"Point\", \"coordinates\": [1, 2]}").when().put("/api/grids/boundary").then().statusCode(400)
                .body("field", equalTo("geometry"));
    }

    @Test
    void workGridsGiveInspectorsTheirAreaAndTasksFollowTheGrid() {
        long inspector = Cases.staffId("inspector");
        long inspector2 = Cases.staffId("inspector2");
        Api.as("inspector").when().get("/api/work-grids?inspector=" + inspector).then().statusCode(200)
                .body("code", hasItem("WG370831001001")).body("code", not(hasItem("WG370831002001")))
                .body("findAll { it.code == 'WG370831001001' }[0].gridCodes", hasItem("370831001001001"));
        Api.as("admin").body(Map.of("code", "WG-TEST", "name", "测试", "gridCodes", List.of("370831001001999"))).when()
                .post("/api/work-grids").then().statusCode(400).body("field", equalTo("gridCodes"));
        Api.as("admin").body(Map.of("code", "WG-TEST", "name", "测试", "inspectorIds", List.of(Cases.staffId("acceptor")))).when()
                .post("/api/work-grids").then().statusCode(400).body("field", equalTo("inspectorIds"));
        Api.as("inspector").body(Map.of("code", "WG-TEST", "name", "测试")).when().post("/api/work-grids").then().statusCode(403);

        Map<String, Object> grid = firstGrid("370831002001");
        double lat = ((Number) grid.get("centreLat")).doubleValue();
        double lon = ((Number) grid.get("centreLon")).doubleValue();
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", lat, lon);
        Cases.get("acceptor", id).body("gridCode", equalTo(grid.get("code")));
        Cases.act("acceptor", id, "sendToConfirm", Map.of()).statusCode(200).body("assigneeId", equalTo((int) inspector2));
        Cases.act("inspector", id, "confirm", Map.of("note", "不是我的网格")).statusCode(403);
        Cases.act("inspector2", id, "confirm", Map.of("note", "现场属实")).statusCode(200).body("stage", equalTo("PENDING_FILING"));

        Api.as("acceptor").body(Map.of("source", "HOTLINE", "description", "县外", "lat", 35.70, "lon", 117.40)).when()
                .post("/api/cases").then().statusCode(400).body("field", equalTo("lat")).body("message", containsString("outside the county"));
    }

    @Test
    void aPointFromAPhoneMapAppInGcj02IsStoredAndGeocodedInWgs84() {
        Map<String, Object> grid = firstGrid("370831001002");
        double lat = ((Number) grid.get("centreLat")).doubleValue();
        double lon = ((Number) grid.get("centreLon")).doubleValue();
        double[] gcj = ChinaCoordinates.toGcj02(lat, lon);
        long id = ((Number) Api.as("inspector").body(Map.of("source", "INSPECTOR", "description", "手机地图定位", "lat", gcj[0], "lon", gcj[1],
                "crs", "gcj02")).when().post("/api/cases").then().statusCode(201).extract().path("id")).longValue();
        JsonPath stored = Cases.get("inspector", id).body("gridCode", equalTo(grid.get("code"))).extract().jsonPath().using(DOUBLES);
        double off = LocalMetres.distance(lat, lon, stored.getDouble("lat"), stored.getDouble("lon"));
        assertTrue(off < 0.01, "stored in WGS84, off by " + off + " m: " + stored.getDouble("lat") + "," + stored.getDouble("lon") + " vs " + lat + "," + lon);
        Api.as("acceptor").when().get("/api/geocode?lat=" + gcj[0] + "&lon=" + gcj[1] + "&crs=GCJ-02").then().statusCode(200)
                .body("gridCode", equalTo(grid.get("code")));
        Api.as("acceptor").when().get("/api/geocode?lat=" + gcj[0] + "&lon=" + gcj[1] + "&crs=bd09").then().statusCode(400)
                .body("field", equalTo("crs"));
    }

    @Test
    void relocatingACaseBeforeDispatchMovesItToTheNewGrid() {
        Map<String, Object> from = firstGrid("370831001003");
        Map<String, Object> to = firstGrid("370831002004");
        long id = Cases.report("acceptor", "HOTLINE", "incident:0110", (Double) from.get("centreLat"), (Double) from.get("centreLon"));
        Cases.act("acceptor", id, "relocate", Map.of("lat", to.get("centreLat"), "lon", to.get("centreLon"), "address", "泉源社区门口"))
                .statusCode(200).body("gridCode", equalTo(to.get("code"))).body("stage", equalTo("REPORTED"));
        Cases.get("acceptor", id).body("address", equalTo("泉源社区门口"))
                .body("history.action", hasItem("relocate"));
        Cases.act("acceptor", id, "relocate", Map.of("lat", 35.70, "lon", 117.40)).statusCode(400).body("field", equalTo("lat"));
        Cases.act("acceptor", id, "relocate", Map.of("lon", 117.27)).statusCode(400).body("field", equalTo("lat"));
        Cases.act("inspector", id, "relocate", Map.of("lat", to.get("centreLat"), "lon", to.get("centreLon"))).statusCode(403);
        Cases.act("huanwei", id, "relocate", Map.of("lat", to.get("centreLat"), "lon", to.get("centreLon"))).statusCode(403);
    }

    @Test
    void aRenamedCommunityIsAnsweredByItsNewName() {
        Map<String, Object> grid = firstGrid("370831100201");
        String at = "/api/geocode?lat=" + grid.get("centreLat") + "&lon=" + grid.get("centreLon");
        Api.as("acceptor").when().get(at).then().statusCode(200).body("communityName", equalTo("卞桥村"));
        Api.as("admin").body(Map.of("name", "卞桥村（更名）")).when().put("/api/regions/370831100201").then().statusCode(200);
        try {
            Api.as("acceptor").when().get(at).then().statusCode(200).body("communityName", equalTo("卞桥村（更名）"));
        } finally {
            Api.as("admin").body(Map.of("name", "卞桥村")).when().put("/api/regions/370831100201").then().statusCode(200);
        }
    }

    private static Map<String, Object> firstGrid(String community) {
        List<Map<String, Object>> items = Api.as("inspector").when().get("/api/grids?community=" + community).then().statusCode(200)
                .body("items", not(empty())).extract().jsonPath().using(DOUBLES).getList("items");
        return items.get(items.size() / 2);
    }

    private static void assertReason(JsonPath report, int index, String part) {
        String reason = report.getString("rejected.find { it.index == " + index + " }.reason");
        assertTrue(reason != null && reason.contains(part), "feature " + index + ": " + reason);
    }

    private static String square(double lat, double lon, double size) {
        return """
                {"type": "Polygon", "coordinates": [[[%2$s, %1$s], [%4$s, %1$s], [%4$s, %3$s], [%2$s, %3$s], [%2$s, %1$s]]]}"""
                .formatted(lat, lon, lat + size, lon + size);
    }
}
