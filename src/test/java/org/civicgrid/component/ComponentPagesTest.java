package org.civicgrid.component;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The component admin page: counts by state and class, an uploaded file's per-row report, admins only. */
@QuarkusTest
class ComponentPagesTest {

    @Test
    void adminsSeeTheCountsAndTheNavigationLeadsThere() {
        WebSession admin = WebSession.signIn("admin");
        admin.page().when().get("/admin/components").then().statusCode(200)
                .body(matchesPattern("(?s).*共 \\d{4,5} 个部件.*")).body(containsString("完好")).body(containsString("破损"))
                .body(containsString("井盖"));
        admin.page().when().get("/").then().statusCode(200).body(containsString("href=\"/admin/components\""))
                .body(containsString("城市部件")).body(containsString("href=\"/admin/grids\""));
        WebSession.signIn("inspector").page().when().get("/admin/components").then().statusCode(403);
    }

    @Test
    void anUploadedCsvShowsWhyEachBadRowWasRefused() {
        String csv = "id,name,class,state,lat,lon\n"
                + "370831019900000A,坏编码,0101,INTACT,35.66,117.26\n"
                + "3708310101999999,县外井盖,0101,INTACT,39.90,116.40\n";
        WebSession.signIn("admin").page().multiPart("file", "components.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/admin/components/import").then().statusCode(200)
                .body(containsString("id=\"import-report\"")).body(containsString("导入 0 个，拒绝 2 个"))
                .body(containsString("outside"));
    }
}
