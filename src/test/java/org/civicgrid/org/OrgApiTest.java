package org.civicgrid.org;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.junit.jupiter.api.Test;

/** Admins manage regions, departments and staff through the API; bad input gets a 4xx naming the field. */
@QuarkusTest
class OrgApiTest {

    @Test
    void createAndChangeADepartment() {
        int id = Api.as("admin").body(Map.of("code", "lupai", "name", "县路牌管理所", "kind", "PROFESSIONAL",
                        "classCodes", List.of("component:0212", "component:02012"), "areaCodes", List.of("370831001")))
                .when().post("/api/departments").then().statusCode(201)
                .header("Location", containsString("/api/departments/"))
                .body("classCodes", hasItems("component:0212", "component:02012")).extract().path("id");
        Api.as("admin").body(Map.of("name", "县路名牌管理所", "kind", "PROFESSIONAL", "classCodes", List.of("component:0212"),
                        "areaCodes", List.of(), "active", false))
                .when().put("/api/departments/" + id).then().statusCode(200)
                .body("name", equalTo("县路名牌管理所")).body("active", equalTo(false)).body("areaCodes.size()", equalTo(0));
        Api.as("inspector").when().get("/api/departments/" + id).then().statusCode(200).body("code", equalTo("lupai"));
    }

    @Test
    void departmentInputIsChecked() {
        Api.as("admin").body(Map.of("code", "Bad Code", "name", "x", "kind", "PROFESSIONAL"))
                .when().post("/api/departments").then().statusCode(400).body("field", equalTo("code")).body("error", equalTo("invalid_input"));
        Api.as("admin").body(Map.of("code", "huanwei", "name", "x", "kind", "PROFESSIONAL"))
                .when().post("/api/departments").then().statusCode(409).body("error", equalTo("duplicate"));
        Api.as("admin").body(Map.of("code", "x-area", "name", "x", "kind", "PROFESSIONAL", "areaCodes", List.of("370831999")))
                .when().post("/api/departments").then().statusCode(400).body("field", equalTo("areaCodes"));
        Api.as("admin").body(Map.of("code", "x-class", "name", "x", "kind", "PROFESSIONAL", "classCodes", List.of("0101")))
                .when().post("/api/departments").then().statusCode(400).body("field", equalTo("classCodes"));
        Api.as("admin").body(Map.of("code", "x-kind", "name", "x"))
                .when().post("/api/departments").then().statusCode(400).body("field", equalTo("kind"));
        Api.as("admin").body("{not json").when().post("/api/departments").then().statusCode(400);
        Api.as("admin").when().get("/api/departments/999999").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void staffRulesHoldInOnePlace() {
        Api.as("admin").body(Map.of("username", "nodept", "displayName", "x", "roles", List.of("DEPARTMENT"), "password", "Long-enough-1"))
                .when().post("/api/staff").then().statusCode(400).body("field", equalTo("departmentId"));
        Api.as("admin").body(Map.of("username", "noroles", "displayName", "x", "roles", List.of(), "password", "Long-enough-1"))
                .when().post("/api/staff").then().statusCode(400).body("field", equalTo("roles"));
        Api.as("admin").body(Map.of("username", "shortpw", "displayName", "x", "roles", List.of("LEADER"), "password", "short"))
                .when().post("/api/staff").then().statusCode(400).body("field", equalTo("password"));
        Api.as("admin").body(Map.of("username", "inspector", "displayName", "x", "roles", List.of("LEADER"), "password", "Long-enough-1"))
                .when().post("/api/staff").then().statusCode(409);
        int id = Api.as("admin").body(Map.of("username", "Multi.Role", "displayName", "一人多岗", "roles", List.of("ACCEPTOR", "SHIFT_LEAD", "DISPATCHER"),
                        "password", "Long-enough-1"))
                .when().post("/api/staff").then().statusCode(201).body("username", equalTo("multi.role"))
                .body("roles", hasItems("ACCEPTOR", "SHIFT_LEAD", "DISPATCHER")).extract().path("id");
        Api.as("multi.role", "Long-enough-1").when().get("/api/me").then().statusCode(200).body("displayName", equalTo("一人多岗"));
        Api.as("admin").body(Map.of("password", "Reset-by-admin-1")).when().post("/api/staff/" + id + "/password").then().statusCode(204);
        Api.as("multi.role", "Reset-by-admin-1").when().get("/api/me").then().statusCode(200);
    }

    /**
     * The store is shared: other tests leave admins of their own (the CLI's create-admin), so the other active admins are
     * deactivated first. Then a second admin can be demoted while {@code admin} remains (it could not: the count, taken
     * after the change was written, still required two others), and the last one cannot.
     */
    @Test
    void theLastAdminCannotBeRemovedButAnotherAdminCanBe() {
        int adminId = Api.as("admin").when().get("/api/me").then().extract().path("id");
        List<Map<String, Object>> staff = Api.as("admin").when().get("/api/staff").then().statusCode(200).extract().jsonPath().getList("");
        for (Map<String, Object> s : staff) {
            if (((Number) s.get("id")).intValue() != adminId && Boolean.TRUE.equals(s.get("active")) && ((List<?>) s.get("roles")).contains("ADMIN")) {
                Api.as("admin").body(Map.of("displayName", s.get("displayName"), "roles", s.get("roles"), "active", false))
                        .when().put("/api/staff/" + s.get("id")).then().statusCode(200);
            }
        }
        int second = Api.as("admin").body(Map.of("username", "second.admin" + Long.toString(System.nanoTime() % 46656, 36), "displayName", "第二管理员",
                "roles", List.of("ADMIN"), "password", "Long-enough-1")).when().post("/api/staff").then().statusCode(201).extract().path("id");
        Api.as("admin").body(Map.of("displayName", "第二管理员", "roles", List.of("LEADER"), "active", true))
                .when().put("/api/staff/" + second).then().statusCode(200).body("roles", equalTo(List.of("LEADER")));
        Api.as("admin").body(Map.of("displayName", "系统管理员", "roles", List.of("LEADER"), "active", true))
                .when().put("/api/staff/" + adminId).then().statusCode(409).body("error", equalTo("last_admin"));
        Api.as("admin").when().get("/api/me").then().body("roles", hasItem("ADMIN"));
    }

    @Test
    void regionsFormATreeUnderTheCounty() {
        Api.as("admin").body(Map.of("code", "370831001099", "name", "测试社区")).when().post("/api/regions").then().statusCode(201)
                .body("level", equalTo("COMMUNITY")).body("parentCode", equalTo("370831001"));
        Api.as("admin").body(Map.of("code", "370831555001", "name", "孤儿社区")).when().post("/api/regions").then().statusCode(400)
                .body("field", equalTo("code"));
        Api.as("admin").body(Map.of("code", "370832", "name", "另一个县")).when().post("/api/regions").then().statusCode(409)
                .body("error", equalTo("county_exists"));
        Api.as("admin").body(Map.of("code", "37083100", "name", "x")).when().post("/api/regions").then().statusCode(400);
        Api.as("inspector").when().get("/api/regions/370831001").then().statusCode(200).body("name", equalTo("泗河街道"));
    }
}
