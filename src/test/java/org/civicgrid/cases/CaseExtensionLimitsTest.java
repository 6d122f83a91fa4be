package org.civicgrid.cases;

import static org.civicgrid.testsupport.Cases.act;
import static org.civicgrid.testsupport.Cases.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 延期 is bounded by data: the site's limits (seeded: at most 3 extensions, 10工作日 in all; 领导 approves beyond 2
 * extensions or 5工作日) and a class's own; a request past them is refused with the limit, and one past the threshold
 * is decided by 领导, not the dispatcher. Handling deadlines exact on the working calendar from Monday 2026-11-23.
 */
@QuarkusTest
class CaseExtensionLimitsTest {

    @AfterEach
    void releaseClock() {
        MutableClock.release();
    }

    @Test
    void theSitesLimitsCountTotalAndTheLeadersThreshold() {
        Api.as("inspector").when().get("/api/extension-limits").then().statusCode(200)
                .body("find { it.classRef == null }.maxCount", equalTo(3)).body("find { it.classRef == null }.maxTotal", equalTo("10工作日"));
        long id = handlingCaseAt("2026-11-23T10:00:00", "component:0101"); // 4工作时 → 16:00
        act("gongshui", id, "requestExtension", Map.of("note", "需采购配件", "extension", "999自然日")).statusCode(400)
                .body("field", equalTo("extension")).body("message", containsString("at most 10工作日"));
        get("gongshui", id).body("stage", equalTo("HANDLING")).body("pendingExtension", equalTo(null));

        extend(id, "dispatcher", "2026-11-24T08:00:00Z"); // Tue 16:00
        get("gongshui", id).body("extensionCount", equalTo(1));
        act("gongshui", id, "requestExtension", Map.of("note", "仍缺配件", "extension", "1工作日")).statusCode(200)
                .body("extensionNeedsLeader", equalTo(false));
        act("leader", id, "approveExtension", Map.of()).statusCode(403);
        act("dispatcher", id, "approveExtension", Map.of()).statusCode(200).body("deadline", equalTo("2026-11-25T08:00:00Z"));

        act("gongshui", id, "requestExtension", Map.of("note", "厂家停产", "extension", "1工作日")).statusCode(200)
                .body("extensionNeedsLeader", equalTo(true)); // the third is beyond the threshold of 2
        get("dispatcher", id).body("actions", not(hasItem("approveExtension")));
        get("leader", id).body("actions", hasItem("approveExtension"));
        act("dispatcher", id, "approveExtension", Map.of()).statusCode(403).body("message", containsString("领导"));
        act("leader", id, "approveExtension", Map.of()).statusCode(200).body("deadline", equalTo("2026-11-26T08:00:00Z"))
                .body("extensionCount", equalTo(3)).body("extensionNeedsLeader", equalTo(false));
        get("leader", id).body("history[-1].role", equalTo("LEADER"));

        act("gongshui", id, "requestExtension", Map.of("note", "再延", "extension", "1工作时")).statusCode(400)
                .body("field", equalTo("extension")).body("message", containsString("at most 3 extension(s)"));
    }

    @Test
    void aClassHasItsOwnLimitsSetByTheAdmin() {
        Map<String, Object> limit = Map.of("classRef", "component:0103", "maxCount", 2, "maxTotal", "2工作日",
                "leaderAfterCount", 2, "leaderAfterTotal", "1工作日");
        Api.as("dispatcher").body(limit).when().put("/api/extension-limits").then().statusCode(403);
        Api.as("admin").body(Map.of("classRef", "component:0103", "maxCount", 2, "maxTotal", "两天", "leaderAfterCount", 2,
                "leaderAfterTotal", "1工作日")).when().put("/api/extension-limits").then().statusCode(400).body("field", equalTo("maxTotal"));
        Api.as("admin").body(Map.of("classRef", "component:9999", "maxCount", 2, "maxTotal", "2工作日", "leaderAfterCount", 2,
                "leaderAfterTotal", "1工作日")).when().put("/api/extension-limits").then().statusCode(400).body("field", equalTo("classRef"));
        Api.as("admin").body(limit).when().put("/api/extension-limits").then().statusCode(200).body("maxTotal", equalTo("2工作日"));

        long id = handlingCaseAt("2026-11-23T10:00:00", "component:0103");
        act("gongshui", id, "requestExtension", Map.of("note", "需开挖", "extension", "3工作日")).statusCode(400)
                .body("message", containsString("at most 2工作日"));
        act("gongshui", id, "requestExtension", Map.of("note", "需开挖", "extension", "4工作时")).statusCode(200)
                .body("extensionNeedsLeader", equalTo(false));
        act("dispatcher", id, "approveExtension", Map.of()).statusCode(200);
        act("gongshui", id, "requestExtension", Map.of("note", "需开挖", "extension", "1工作日")).statusCode(200)
                .body("extensionNeedsLeader", equalTo(true)); // 1.5工作日 in all: past the class's 1工作日 threshold
        act("dispatcher", id, "rejectExtension", Map.of("note", "不同意")).statusCode(403);
        act("leader", id, "rejectExtension", Map.of("note", "请先处置安全隐患")).statusCode(200).body("stage", equalTo("HANDLING"))
                .body("extensionCount", equalTo(1)).body("extensionNeedsLeader", equalTo(false));
    }

    private static void extend(long id, String approver, String deadline) {
        act("gongshui", id, "requestExtension", Map.of("note", "需采购配件", "extension", "1工作日")).statusCode(200);
        act(approver, id, "approveExtension", Map.of()).statusCode(200).body("deadline", equalTo(deadline));
    }

    private static long handlingCaseAt(String localTime, String classRef) {
        MutableClock.at(localTime);
        long id = Cases.report("acceptor", "HOTLINE", classRef, Cases.LAT, Cases.LON);
        act("acceptor", id, "accept", Map.of()).statusCode(200);
        act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId(classRef, "破损超过25"))).statusCode(200);
        act("dispatcher", id, "dispatch", Map.of("departmentId", Cases.departmentId("gongshui"))).statusCode(200);
        act("gongshui", id, "signFor", Map.of()).statusCode(200);
        return id;
    }
}
