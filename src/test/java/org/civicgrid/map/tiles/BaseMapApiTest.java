package org.civicgrid.map.tiles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * 底图 — the tile endpoint over the box's own archive (人民路 runs along 35.665 N from 117.24 to 117.30 E in the demo),
 * a site's archive taking over, and the admin page's tile-URL setting (admin only, CSRF, validated, zh messages).
 */
@QuarkusTest
class BaseMapApiTest {

    private static final String TILES = "/api/public/basemap/tiles/";
    /** Zoom 14 tile of 35.665 N 117.27 E: x = floor(297.27 / 360 · 2^14) = 13529, y = 6452. */
    private static final String RENMIN_ROAD_TILE = TILES + "14/13529/6452.pbf";

    @Test
    void anyoneGetsTheBoxTilesWithTheRoadNameAndAnEtag() {
        Response tile = given().when().get(RENMIN_ROAD_TILE);
        tile.then().statusCode(200).contentType(TileApi.MVT).header("Cache-Control", containsString("max-age"));
        byte[] body = tile.asByteArray();
        assertTrue(new String(body, StandardCharsets.UTF_8).contains("人民路"), "the road's name is in the tile");
        assertTrue(new String(body, StandardCharsets.UTF_8).contains("roads"), "in layer roads");
        String etag = tile.header("ETag");
        given().header("If-None-Match", etag).when().get(RENMIN_ROAD_TILE).then().statusCode(304);
        // a Range request still gets the whole tile, never a slice
        assertArrayEquals(body, given().header("Range", "bytes=0-3").when().get(RENMIN_ROAD_TILE).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void missingTilesAndOddPathsAre404() {
        given().when().get(TILES + "14/0/0.pbf").then().statusCode(404); // in the Pacific: no data
        given().when().get(TILES + "3/6/3.pbf").then().statusCode(404); // above the archive's zooms
        given().when().get(TILES + "23/0/0.pbf").then().statusCode(404);
        given().when().get(TILES + "14/99999/0.pbf").then().statusCode(404); // x beyond 2^14
        given().when().get(TILES + "14/13529/..%2F..%2Fcivicgrid.db").then().statusCode(404);
        given().urlEncodingEnabled(false).when().get(TILES + "14/13529/..%2f..%2f..%2fsite.key").then().statusCode(404);
        given().when().get(TILES + "x/1/1.pbf").then().statusCode(404);
    }

    @Test
    void aSiteArchiveInTheDataDirectoryTakesOver() throws Exception {
        Path dir = Path.of("target", "test-data", "basemap");
        Files.createDirectories(dir);
        Path site = dir.resolve("a-site.mbtiles");
        byte[] data = {0x1a, 3, 0x7a, 1, 0x78}; // a bare layer message: enough to tell the tiles apart
        try {
            MbTilesArchive.write(site, new TileArchive.Info("site", "pbf", 2, 2, -180, -85, 180, 85), Map.of(new TileKey(2, 1, 1), data), "[]");
            assertArrayEquals(data, given().when().get(TILES + "2/1/1.pbf").then().statusCode(200).extract().asByteArray());
            given().when().get(RENMIN_ROAD_TILE).then().statusCode(404); // the site's archive has no zoom 14
        } finally {
            Files.deleteIfExists(site);
        }
        given().when().get(RENMIN_ROAD_TILE).then().statusCode(200);
    }

    @Test
    void onlyAdminsSetTheTileServerWithAToken() {
        WebSession.signIn("dispatcher").page().when().get("/admin/basemap").then().statusCode(403);
        WebSession admin = WebSession.signIn("admin");
        admin.page().when().get("/admin/basemap").then().statusCode(200).body(containsString("底图设置"))
                .body(containsString("civicgrid-own.mbtiles"));
        admin.pageWithoutToken().contentType("application/x-www-form-urlencoded").formParam("tileUrl", "https://evil/{z}/{x}/{y}")
                .when().post("/admin/basemap").then().statusCode(403);
        admin.page().when().get("/").then().body(not(containsString("evil")));
    }

    @Test
    void aBadUrlIsRefusedInChineseAndAGoodOneReachesEveryMapPage() {
        WebSession admin = WebSession.signIn("admin");
        try {
            admin.form().formParam("tileUrl", "ftp://gis.local/{z}/{x}/{y}.png").formParam("crs", "WGS84")
                    .when().post("/admin/basemap").then().statusCode(400)
                    .body(containsString("瓦片地址无效")).body(containsString("field-error"));
            admin.page().when().get("/map").then().body(containsString("&quot;mode&quot;:&quot;vector&quot;"));

            admin.form().formParam("tileUrl", "http://t{s}.gis.local/vec/{z}/{x}/{y}.png").formParam("subdomains", "01234567")
                    .formParam("crs", "GCJ02").formParam("attribution", "内网 GIS")
                    .when().post("/admin/basemap").then().statusCode(303);
            String map = admin.page().when().get("/map").then().statusCode(200).extract().asString();
            assertTrue(map.contains("&quot;url&quot;:&quot;http://t{s}.gis.local/vec/{z}/{x}/{y}.png&quot;"), "tile URL in the page");
            assertTrue(map.contains("&quot;crs&quot;:&quot;GCJ02&quot;"), "GCJ-02 for the map's CRS");
            WebSession.signIn("inspector").page().when().get("/m/").then().body(containsString("gis.local"));
        } finally {
            admin.form().formParam("tileUrl", "").formParam("crs", "WGS84").when().post("/admin/basemap").then().statusCode(303);
        }
        assertEquals(false, admin.page().when().get("/map").asString().contains("gis.local"));
    }
}
