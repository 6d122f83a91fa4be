package org.civicgrid.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The admin page: classes with their standards, adding a local class, importing a CSV with a per-row report. */
@QuarkusTest
class CatalogPagesTest {

    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @Test
    void adminsSeeClassesWithTheirTimeLimits() {
        WebSession admin = WebSession.signIn("admin");
        admin.page().when().get("/").then().statusCode(200).body(containsString("href=\"/admin/catalog\""))
                .body(containsString("分类与立案标准"));
        admin.page().when().get("/admin/catalog?system=legacy").then().statusCode(200)
                .body(containsString("上水井盖")).body(containsString("缺失、移位、开裂，存在安全隐患的"))
                .body(containsString("紧急工作时")).body(containsString("私搭乱建"));
        admin.page().when().get("/admin/catalog?system=gbt47678").then().statusCode(200)
                .body(containsString("供水井盖")).body(containsString("暴露垃圾")).body(containsString("GB/T 47678.5-2026")).body(containsString("缺失、移位、开裂，存在安全隐患的")).body(containsString("按新旧编码对照适用"));
        WebSession inspector = WebSession.signIn("inspector");
        inspector.page().when().get("/").then().body(not(containsString("href=\"/admin/catalog\"")));
        inspector.page().when().get("/admin/catalog").then().statusCode(403);
    }

    @Test
    void aLocalClassIsAddedFromTheForm() {
        WebSession admin = WebSession.signIn("admin");
        admin.form().formParam("system", "gbt47678").formParam("kind", "incident").formParam("majorCode", "09")
                .formParam("name", "占道直播" + RUN)
                .when().post("/admin/catalog/classes").then().statusCode(303)
                .header("Location", containsString("/admin/catalog?system=gbt47678&added=incident:09"));
        admin.page().when().get("/admin/catalog?system=gbt47678").then().body(containsString("占道直播" + RUN));
        admin.form().formParam("system", "gbt47678").formParam("kind", "component").formParam("majorCode", "09")
                .formParam("name", "<b>坏</b>" + RUN)
                .when().post("/admin/catalog/classes").then().statusCode(400)
                .body(containsString("field-error")).body(containsString("&lt;b&gt;坏&lt;/b&gt;"));
    }

    @Test
    void anUploadedCsvShowsItsReport() {
        WebSession admin = WebSession.signIn("admin");
        String csv = "class_code,kind,condition,time_limit_value,time_limit_unit,closing_condition\n"
                + "06012,event,页面导入" + RUN + ",3,work_day,清除\n"
                + "06012,event,页面坏行" + RUN + ",3,fortnight,清除\n";
        admin.page().multiPart("file", "standards.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/admin/catalog/import").then().statusCode(200)
                .body(containsString("id=\"import-report\"")).body(containsString("新增 1 条"))
                .body(containsString("<td>3</td>")).body(containsString("time_limit_unit"));
        admin.page().when().get("/admin/catalog?system=gbt47678").then().body(containsString("页面导入" + RUN));
        admin.page().when().get("/api/filing-standards/export.csv").then().statusCode(200)
                .body(startsWith("class_code,class_name,condition")).body(containsString("页面导入" + RUN));
    }
}
