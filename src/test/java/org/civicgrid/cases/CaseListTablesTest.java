package org.civicgrid.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The case list's department choices come from memory and follow every change to the departments at once. */
@QuarkusTest
class CaseListTablesTest {

    @Test
    void aNewRenamedOrRetiredDepartmentShowsInTheListFilterAtOnce() {
        WebSession dispatcher = WebSession.signIn("dispatcher");
        String code = "memo" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        dispatcher.page().when().get("/cases").then().statusCode(200).body(not(containsString("测试部门" + code))); // table read now
        int id = Api.as("admin").body(Map.of("code", code, "name", "测试部门" + code, "kind", "PROFESSIONAL", "classCodes", List.of(),
                "areaCodes", List.of())).when().post("/api/departments").then().statusCode(201).extract().path("id");
        dispatcher.page().when().get("/cases").then().statusCode(200).body(containsString(">测试部门" + code + "</option>"));
        Api.as("admin").body(Map.of("name", "改名部门" + code, "kind", "PROFESSIONAL", "classCodes", List.of(), "areaCodes", List.of()))
                .when().put("/api/departments/" + id).then().statusCode(200);
        dispatcher.page().when().get("/cases").then().statusCode(200).body(containsString(">改名部门" + code + "</option>"))
                .body(not(containsString("测试部门" + code)));
        Api.as("admin").body(Map.of("name", "改名部门" + code, "kind", "PROFESSIONAL", "classCodes", List.of(), "areaCodes", List.of(),
                "active", false)).when().put("/api/departments/" + id).then().statusCode(200);
        dispatcher.page().when().get("/cases").then().statusCode(200).body(not(containsString("改名部门" + code)));
    }
}
