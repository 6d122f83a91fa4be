package org.civicgrid.cases;

import static org.civicgrid.testsupport.Cases.act;
import static org.civicgrid.testsupport.Cases.get;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 24-hour intake: the demo centre runs 受理, 立案 and 派遣 on its 24-hour duty calendar ({@code civicgrid.cases.duty-stages}),
 * so a 井盖缺失 (2紧急工作时) reported at 19:00 on Monday 2026-11-23 is accepted, filed and dispatched that evening, its
 * handling clock runs through the night, while 核查 (2工作时) still waits for the next working morning.
 */
@QuarkusTest
class DutyCalendarTest {

    @AfterEach
    void releaseClock() {
        MutableClock.release();
    }

    @Test
    void aMissingManholeCoverReportedInTheEveningIsTakenUpAtOnce() {
        MutableClock.at("2026-11-23T19:00:00");
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        get("acceptor", id).body("stage", equalTo("REPORTED")).body("stageLimit", equalTo("1紧急工作时"))
                .body("deadline", equalTo("2026-11-23T12:00:00Z")); // 20:00, not Tuesday 09:00
        step(10);
        act("acceptor", id, "accept", Map.of()).statusCode(200).body("deadline", equalTo("2026-11-23T12:10:00Z"));
        step(10);
        act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("component:0101", "缺失"))).statusCode(200)
                .body("handlingLimit", equalTo("2紧急工作时")).body("deadline", equalTo("2026-11-23T12:20:00Z"));
        step(10); // 19:30 + 2紧急工作时 = 21:30
        act("dispatcher", id, "dispatch", Map.of("departmentId", Cases.departmentId("gongshui"))).statusCode(200)
                .body("deadline", equalTo("2026-11-23T13:30:00Z")).body("handlingDeadline", equalTo("2026-11-23T13:30:00Z"));
        step(10);
        act("gongshui", id, "signFor", Map.of()).statusCode(200);
        step(60); // 20:40: 核查 is not a duty stage: 2工作时 from Tuesday 08:00 → 10:00
        act("gongshui", id, "reportHandled", Map.of("note", "已补装井盖")).statusCode(200).body("stage", equalTo("PENDING_CHECK"))
                .body("stageLimit", equalTo("2工作时")).body("deadline", equalTo("2026-11-24T02:00:00Z"));
        MutableClock.at("2026-11-23T22:00:00");
        get("leader", id).body("light", equalTo("GREEN"));
    }

    @Test
    void aSendBackAtNightRestartsTheFilingClockAroundTheClock() {
        MutableClock.at("2026-11-23T22:00:00");
        long id = CaseCorrectionsTest.filedCase();
        get("dispatcher", id).body("deadline", equalTo("2026-11-23T15:00:00Z")); // 派遣 by 23:00
        step(15);
        act("dispatcher", id, "sendBack", Map.of("note", "分类有误")).statusCode(200).body("deadline", equalTo("2026-11-23T15:15:00Z"));
    }

    private static void step(int minutes) {
        MutableClock.advance(Duration.ofMinutes(minutes));
    }
}
