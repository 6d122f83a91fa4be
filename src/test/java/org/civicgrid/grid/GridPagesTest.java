package org.civicgrid.grid;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The grid admin page: the county's grids by street and community, an uploaded GeoJSON with its report, work grids. */
@QuarkusTest
class GridPagesTest {

    @Test
    void adminsSeeGridsPerCommunityWithTheirWorkGridsAndOthersMayNot() {
        WebSession admin = WebSession.signIn("admin");
        admin.page().when().get("/admin/grids").then().statusCode(200)
                .body(containsString("单元网格")).body(containsString("东关社区")).body(containsString("370831001001"))
                .body(containsString("东关社区责任网格")).body(containsString("县域边界已设置"));
        admin.page().when().get("/admin/grids?check=true").then().statusCode(200)
                .body(containsString("id=\"topology\"")).body(containsString("无重叠、无缝隙"));
        WebSession.signIn("inspector").page().when().get("/admin/grids").then().statusCode(403);
    }

    @Test
    void anUploadedFileShowsWhyEachBadFeatureWasRefused() {
        String geojson = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "37083100100100"}, "geometry":
                    {"type": "Polygon", "coordinates": [[[117.26, 35.665], [117.261, 35.665], [117.261, 35.666], [117.26, 35.665]]]}}
                ]}""";
        WebSession.signIn("admin").page().multiPart("file", "grids.geojson", geojson.getBytes(StandardCharsets.UTF_8), "application/geo+json")
                .when().post("/admin/grids/import").then().statusCode(200)
                .body(containsString("id=\"import-report\"")).body(containsString("导入 0 个，拒绝 1 个"))
                .body(containsString("has 14 characters"));
        WebSession.signIn("admin").page().multiPart("file", "grids.geojson", "not json".getBytes(StandardCharsets.UTF_8), "application/json")
                .when().post("/admin/grids/import").then().statusCode(400).body(containsString("not JSON"));
    }

    @Test
    void aWorkGridGetsItsInspectorsFromTheForm() {
        long inspector = Cases.staffId("inspector");
        long inspector2 = Cases.staffId("inspector2");
        WebSession admin = WebSession.signIn("admin");
        admin.form().formParam("inspectorIds", inspector).formParam("inspectorIds", inspector2).redirects().follow(false)
                .when().post("/admin/grids/work-grids/WG370831100201").then().statusCode(303)
                .header("Location", endsWith("#WG370831100201"));
        admin.page().when().get("/api/work-grids?inspector=" + inspector2).then().statusCode(200)
                .body(containsString("WG370831100201"));
        admin.form().formParam("inspectorIds", inspector).redirects().follow(false) // back as the demo has it
                .when().post("/admin/grids/work-grids/WG370831100201").then().statusCode(303);
        admin.page().when().get("/api/work-grids?inspector=" + inspector2).then().statusCode(200)
                .body(not(containsString("WG370831100201")));
    }
}
