package org.civicgrid.grid.gazetteer;

import org.civicgrid.grid.ChinaCoordinates;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.civicgrid.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * The gazetteer through the API on the demo places: landmarks by name, door numbers placed along their road,
 * admin-only CSV import (a bad row refused, the good one kept and searchable at once) and export. Imported names are
 * unique to the run, so the test also passes on a store kept from an earlier run.
 */
@QuarkusTest
class GazetteerApiTest {

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String HEADER = "kind,name,alias,address,lat,lon,line,number_from,number_to,street_code,community_code\n";

    @Test
    void aLandmarkIsFoundByItsName() {
        Api.as("acceptor").queryParam("q", "县人民医院").when().get("/api/geocode/search").then().statusCode(200)
                .body("query", equalTo("县人民医院")).body("candidates[0].name", equalTo("县人民医院"))
                .body("candidates[0].kind", equalTo("LANDMARK")).body("candidates[0].matched", equalTo("exact"));
        Api.as("inspector").queryParam("q", "县医院").when().get("/api/geocode/search").then().statusCode(200)
                .body("candidates[0].name", equalTo("县人民医院"));
        Api.as("acceptor").queryParam("q", "泉林路口").queryParam("limit", 3).when().get("/api/geocode/search").then().statusCode(200)
                .body("candidates.name", hasItem("泉林路")).body("candidates.size()", org.hamcrest.Matchers.lessThanOrEqualTo(3));
    }

    @Test
    void aDoorNumberIsPlacedAlongItsRoad() {
        JsonPath answer = Api.as("acceptor").queryParam("q", "泉林路88号").when().get("/api/geocode/search").then().statusCode(200)
                .body("candidates[0].name", equalTo("泉林路88号")).body("candidates[0].kind", equalTo("DOOR"))
                .body("candidates[0].interpolated", equalTo(true)).extract().jsonPath();
        double lat = answer.getDouble("candidates[0].lat");
        double lon = answer.getDouble("candidates[0].lon");
        assertTrue(lat > 35.630 && lat < 35.690 && lon > 117.225 && lon < 117.315, lat + "," + lon);
        Api.as("acceptor").queryParam("q", "泉林路 36 号").when().get("/api/geocode/search").then().statusCode(200)
                .body("candidates[0].name", equalTo("泉林路36号")).body("candidates[0].matched", equalTo("door"))
                .body("candidates[0].interpolated", equalTo(false));
    }

    @Test
    void theDemoGazetteerLiesInsideTheDemoGrids() {
        JsonPath places = Api.as("inspector").when().get("/api/places").then().statusCode(200).extract().jsonPath();
        java.util.List<String> kinds = places.getList("kind");
        assertTrue(java.util.Collections.frequency(kinds, "ROAD") >= 25, "roads");
        assertTrue(java.util.Collections.frequency(kinds, "LANDMARK") >= 40, "landmarks");
        assertTrue(java.util.Collections.frequency(kinds, "DOOR") >= 55, "doors");
        java.util.List<Double> lats = places.getList("lat", Double.class);
        java.util.List<Double> lons = places.getList("lon", Double.class);
        assertTrue(lats.stream().allMatch(v -> v > 35.630 && v < 35.690), "lat inside the demo box");
        assertTrue(lons.stream().allMatch(v -> v > 117.225 && v < 117.315), "lon inside the demo box");
    }

    @Test
    void aBlankQueryNamesTheField() {
        Api.as("acceptor").queryParam("q", " ").when().get("/api/geocode/search").then().statusCode(400)
                .body("field", equalTo("q")).body("error", equalTo("invalid_input"));
        Api.as("acceptor").when().get("/api/geocode/search").then().statusCode(400).body("field", equalTo("q"));
        Api.as("acceptor").queryParam("q", "泉林").queryParam("limit", 0).when().get("/api/geocode/search").then().statusCode(400)
                .body("field", equalTo("limit"));
        Api.anonymous().queryParam("q", "泉林").when().get("/api/geocode/search").then().statusCode(401);
    }

    @Test
    void onlyAdminsImportAndExport() {
        Api.as("inspector").contentType("text/csv").body(HEADER).when().post("/api/places/import").then().statusCode(403);
        Api.as("inspector").accept("text/csv").when().get("/api/places/export").then().statusCode(403);
        Api.as("inspector").when().get("/api/places?kind=road").then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.everyItem(equalTo("ROAD"))).body("name", hasItem("泉林路"))
                .body("find { it.name == '泉林路' }.line", containsString("LINESTRING"));
        Api.as("inspector").when().get("/api/places?kind=river").then().statusCode(400).body("field", equalTo("kind"));
    }

    @Test
    void anImportKeepsTheGoodRowAndReportsTheBadOne() {
        String name = "测试地标" + RUN;
        String csv = HEADER + "landmark," + name + ",,济河街道,35.661,117.281,,,,370831002,\n"
                + "landmark,坏行" + RUN + ",,,north,117.28,,,,,\n";
        Api.as("admin").contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/places/import").then().statusCode(200)
                .body("imported", equalTo(1)).body("rejected", hasSize(1)).body("rejected[0].line", equalTo(3))
                .body("rejected[0].reason", containsString("lat"));
        Api.as("acceptor").queryParam("q", name).when().get("/api/geocode/search").then().statusCode(200)
                .body("candidates[0].name", equalTo(name)).body("candidates[0].lat", greaterThan(35.66f));
        String exported = Api.as("admin").accept("text/csv").when().get("/api/places/export").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).extract().asString();
        assertTrue(exported.startsWith(HEADER.trim()), exported.substring(0, 120));
        assertTrue(exported.contains("landmark," + name + ",,济河街道,35.661,117.281,"), "exported row");
    }

    @Test
    void gcj02ImportsAreStoredInWgs84() {
        String name = "火星地标" + RUN;
        double[] gcj = ChinaCoordinates.toGcj02(35.662, 117.262);
        Api.as("admin").contentType("text/csv; charset=UTF-8").body(HEADER + "landmark," + name + ",,," + gcj[0] + "," + gcj[1] + ",,,,,\n")
                .queryParam("crs", "GCJ-02").when().post("/api/places/import").then().statusCode(200).body("imported", equalTo(1));
        JsonPath found = Api.as("acceptor").queryParam("q", name).when().get("/api/geocode/search").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(Math.abs(found.getDouble("candidates[0].lat") - 35.662) < 1e-7);
        assertTrue(Math.abs(found.getDouble("candidates[0].lon") - 117.262) < 1e-7);
        Api.as("admin").contentType("text/csv; charset=UTF-8").body(HEADER).queryParam("crs", "bd09").when().post("/api/places/import").then()
                .statusCode(400).body("field", equalTo("crs"));
    }
}
