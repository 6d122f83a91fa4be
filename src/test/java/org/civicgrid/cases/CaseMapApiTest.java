package org.civicgrid.cases;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;

/** Open cases per grid and as map points: counted in one query, limited to a department's own cases for its staff. */
@QuarkusTest
class CaseMapApiTest {

    @Test
    void aCaseReportedAtAGridsCentreCountsInThatGrid() {
        Map<String, Object> grid = Api.as("dispatcher").queryParam("q", "370831").when().get("/api/grids").then().statusCode(200)
                .extract().jsonPath().getMap("items[7]");
        String code = (String) grid.get("code");
        long before = openIn("dispatcher", code);

        long id = Cases.report("acceptor", "HOTLINE", "incident:0110", ((Number) grid.get("centreLat")).doubleValue(),
                ((Number) grid.get("centreLon")).doubleValue());

        assertEquals(before + 1, openIn("dispatcher", code));
        assertEquals(before + 1, openIn("leader", code));
        Api.as("dispatcher").queryParam("gridCode", code).when().get("/api/cases/open-points").then().statusCode(200)
                .body("id", hasItem((int) id)).body("gridCode", not(hasItem(not(code))));
        // department staff see only cases dispatched to their department: this one is not
        Api.as("huanwei").queryParam("gridCode", code).when().get("/api/cases/open-points").then().statusCode(200)
                .body("id", not(hasItem((int) id)));
        assertEquals(0, openIn("huanwei", code) - openDispatchedToHuanwei(code));

        Cases.act("shiftlead", id, "discard", Map.of("note", "测试作废")).statusCode(200);
        assertEquals(before, openIn("dispatcher", code));
    }

    @Test
    void anonymousCallersGet401() {
        Api.anonymous().when().get("/api/cases/open-by-grid").then().statusCode(401);
        Api.anonymous().when().get("/api/cases/open-points").then().statusCode(401);
    }

    private static long openIn(String user, String gridCode) {
        Map<String, Object> counts = Api.as(user).when().get("/api/cases/open-by-grid").then().statusCode(200).extract().jsonPath().getMap("$");
        Object count = counts.get(gridCode);
        return count == null ? 0 : ((Number) count).longValue();
    }

    private static long openDispatchedToHuanwei(String gridCode) {
        return Api.as("huanwei").queryParam("gridCode", gridCode).when().get("/api/cases/open-points").then().statusCode(200)
                .extract().jsonPath().getList("id").size();
    }
}
