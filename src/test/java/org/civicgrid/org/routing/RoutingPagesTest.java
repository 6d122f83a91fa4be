package org.civicgrid.org.routing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The routing table page: rows by name, an admin adds and removes one, a bad row comes back with its problem, others get 403. */
@QuarkusTest
class RoutingPagesTest {

    @Test
    void anAdminAddsAndRemovesARule() {
        WebSession admin = WebSession.signIn("admin");
        admin.page().when().get("/admin/routing").then().statusCode(200).body(containsString("派遣规则"))
                .body(containsString("id=\"routing-rules\"")).body(containsString("县市政工程服务中心"));
        long yuanlin = Cases.departmentId("yuanlin");
        admin.form().formParam("classRef", "incident:0110").formParam("areaCode", "370831001").formParam("departmentId", yuanlin)
                .formParam("note", "页面测试规则").when().post("/admin/routing").then().statusCode(303)
                .header("Location", containsString("done=added"));
        Api.as("admin").when().get("/api/routing-rules").then().statusCode(200).body("note", hasItem("页面测试规则"));
        List<Map<String, Object>> rules = Api.as("admin").when().get("/api/routing-rules").then().extract().jsonPath().getList("$");
        Number id = (Number) rules.stream().filter(r -> "页面测试规则".equals(r.get("note"))).findFirst().orElseThrow().get("id");
        admin.page().when().get("/admin/routing").then().statusCode(200).body(containsString("页面测试规则"))
                .body(containsString("action=\"/admin/routing/" + id + "/delete\""));
        admin.form().when().post("/admin/routing/" + id + "/delete").then().statusCode(303);
        Api.as("admin").when().get("/api/routing-rules").then().statusCode(200).body("note", not(hasItem("页面测试规则")));
    }

    @Test
    void aRuleForNothingComesBackWithItsProblem() {
        WebSession.signIn("admin").form().formParam("classRef", "component:9999").formParam("departmentId", Cases.departmentId("yuanlin"))
                .when().post("/admin/routing").then().statusCode(400).body(containsString("id=\"routing-error\""))
                .body(containsString("value=\"component:9999\"")).body(containsString("class=\"field-error\""));
    }

    @Test
    void onlyAdminsOpenIt() {
        WebSession.signIn("dispatcher").page().when().get("/admin/routing").then().statusCode(403).body(containsString("<strong>管理员</strong>"));
        WebSession.signIn("dispatcher").form().formParam("classRef", "incident:0110").formParam("departmentId", "1")
                .when().post("/admin/routing").then().statusCode(403);
    }
}
