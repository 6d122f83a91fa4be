package org.civicgrid.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The base layout, navigation by role, admin pages and error pages a person can act on. */
@QuarkusTest
class PagesTest {

    @Test
    void navigationShowsAdminPagesOnlyToAdmins() {
        WebSession admin = WebSession.signIn("admin");
        admin.page().when().get("/").then().statusCode(200)
                .body(containsString("href=\"/admin/departments\"")).body(containsString("href=\"/admin/staff\""));
        WebSession inspector = WebSession.signIn("inspector");
        inspector.page().when().get("/").then().statusCode(200)
                .body(containsString("工作台")).body(not(containsString("href=\"/admin/departments\"")));
    }

    @Test
    void aForbiddenPageExplainsTheMissingRole() {
        WebSession inspector = WebSession.signIn("inspector");
        inspector.page().when().get("/admin/staff").then().statusCode(403)
                .body(containsString("无权访问")).body(containsString("岗位角色"));
    }

    @Test
    void adminPagesListAndCreateDepartments() {
        WebSession admin = WebSession.signIn("admin");
        admin.page().when().get("/admin/departments").then().statusCode(200)
                .body(containsString("县环境卫生服务中心")).body(containsString("泗河街道办事处"));
        admin.form()
                .formParam("code", "page-made").formParam("name", "页面新建部门").formParam("kind", "PROFESSIONAL")
                .formParam("classCodes", "component:0101\nincident:0110").formParam("areaCodes", "370831002").formParam("active", "on")
                .when().post("/admin/departments").then().statusCode(303).header("Location", endsWith("/admin/departments?saved=1"));
        admin.page().when().get("/admin/departments").then().body(containsString("页面新建部门"));
        admin.form()
                .formParam("code", "BAD CODE").formParam("name", "坏编码").formParam("kind", "PROFESSIONAL")
                .when().post("/admin/departments").then().statusCode(400).body(containsString("field-error")).body(containsString("坏编码"));
    }

    @Test
    void adminPagesRenderStaffRegionsAndSignIns() {
        WebSession admin = WebSession.signIn("admin");
        for (String path : new String[] {"/admin/staff", "/admin/staff/new", "/admin/staff/2", "/admin/regions", "/admin/sign-ins",
                "/admin/departments/new", "/admin/departments/1", "/account"}) {
            admin.page().when().get(path).then().statusCode(200).body(containsString("</html>"));
        }
        admin.page().when().get("/admin/regions").then().body(containsString("泗河街道"))
                .body(containsString("370831001001"));
    }

    @Test
    void templatesEscapeWhatUsersType() {
        WebSession admin = WebSession.signIn("admin");
        admin.form()
                .formParam("code", "xss-dept").formParam("name", "<script>alert(1)</script>").formParam("kind", "PROFESSIONAL")
                .when().post("/admin/departments").then().statusCode(303);
        admin.page().when().get("/admin/departments").then()
                .body(not(containsString("<script>alert(1)</script>"))).body(containsString("&lt;script&gt;"));
    }

}
