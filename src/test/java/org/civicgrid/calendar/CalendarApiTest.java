package org.civicgrid.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Everyone signed in reads the calendar and works out deadlines on it; only admins change it; bad input gets a 400
 * naming the field. Edits use 2031 so the seeded 2026 schedule stays as shipped for the other tests.
 */
@QuarkusTest
class CalendarApiTest {

    static final List<String> DEFAULT_PERIODS = List.of("08:00-12:00", "14:00-18:00");

    @AfterEach
    void restoreTheDefaultWorkingPeriods() {
        Api.as("admin").body(DEFAULT_PERIODS).when().put("/api/calendar/working-periods").then().statusCode(200);
    }

    @Test
    void the2026ScheduleIsSeeded() {
        Api.as("inspector").queryParam("year", "2026").when().get("/api/calendar").then().statusCode(200)
                .body("year", equalTo(2026))
                .body("workingPeriods", equalTo(DEFAULT_PERIODS))
                .body("weekend", equalTo(List.of("SATURDAY", "SUNDAY")))
                .body("days", hasSize(39))
                .body("days.find { it.day == '2026-10-01' }.kind", equalTo("HOLIDAY"))
                .body("days.find { it.day == '2026-10-01' }.name", equalTo("国庆节"))
                .body("days.find { it.day == '2026-02-14' }.kind", equalTo("WORKDAY"))
                .body("days.findAll { it.kind == 'WORKDAY' }.day",
                        equalTo(List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")));
    }

    @Test
    void anAdminMarksAndUnmarksDays() {
        Api.as("admin").body(Map.of("kind", "HOLIDAY", "name", "测试假日")).when().put("/api/calendar/days/2031-03-05").then()
                .statusCode(200).body("day", equalTo("2031-03-05")).body("kind", equalTo("HOLIDAY")).body("name", equalTo("测试假日"));
        Api.as("admin").body(Map.of("kind", "workday")).when().put("/api/calendar/days/2031-03-08").then()
                .statusCode(200).body("kind", equalTo("WORKDAY"));
        Api.as("inspector").queryParam("year", "2031").when().get("/api/calendar").then().statusCode(200)
                .body("days.day", equalTo(List.of("2031-03-05", "2031-03-08")));
        deadline("2031-03-04T16:00:00+08:00", "4工作时").body("deadline", equalTo("2031-03-06T10:00:00+08:00"));
        deadline("2031-03-07T16:00:00+08:00", "4工作时").body("deadline", equalTo("2031-03-08T10:00:00+08:00"));

        Api.as("admin").body(Map.of("kind", "HOLIDAY", "name", "改名")).when().put("/api/calendar/days/2031-03-05").then()
                .statusCode(200).body("name", equalTo("改名"));
        Api.as("admin").when().delete("/api/calendar/days/2031-03-05").then().statusCode(204);
        Api.as("admin").when().delete("/api/calendar/days/2031-03-08").then().statusCode(204);
        Api.as("admin").when().delete("/api/calendar/days/2031-03-08").then().statusCode(404).body("error", equalTo("not_found"));
        deadline("2031-03-04T16:00:00+08:00", "4工作时").body("deadline", equalTo("2031-03-05T10:00:00+08:00"));
        Api.as("inspector").queryParam("year", "2031").when().get("/api/calendar").then().body("days", hasSize(0));
    }

    @Test
    void anAdminSetsTheWorkingPeriods() {
        Api.as("admin").body(List.of("08:30-12:00", " 13:30-17:30 ")).when().put("/api/calendar/working-periods").then()
                .statusCode(200).body("", equalTo(List.of("08:30-12:00", "13:30-17:30")));
        Api.as("inspector").when().get("/api/calendar").then().body("workingPeriods", equalTo(List.of("08:30-12:00", "13:30-17:30")));
        deadline("2026-09-14T10:00:00+08:00", "1工作日").body("deadline", equalTo("2026-09-15T10:00:00+08:00"));
        deadline("2026-09-14T08:30:00+08:00", "1工作日").body("deadline", equalTo("2026-09-14T17:30:00+08:00"));
        deadline("2026-09-14T11:00:00+08:00", "2工作时").body("deadline", equalTo("2026-09-14T14:30:00+08:00"));
    }

    @Test
    void onlyAdminsChangeTheCalendar() {
        Api.as("inspector").body(Map.of("kind", "HOLIDAY")).when().put("/api/calendar/days/2031-03-05").then()
                .statusCode(403).body("error", equalTo("forbidden"));
        Api.as("dispatcher").when().delete("/api/calendar/days/2026-10-01").then().statusCode(403);
        Api.as("leader").body(DEFAULT_PERIODS).when().put("/api/calendar/working-periods").then().statusCode(403);
        Api.as("huanwei").when().get("/api/calendar").then().statusCode(200);
        Api.anonymous().when().get("/api/calendar").then().statusCode(401);
        Api.as("inspector").queryParam("year", "2026").when().get("/api/calendar").then()
                .body("days.day", hasItem("2026-10-01"));
    }

    @Test
    void badInputIsA400NamingTheField() {
        Api.as("admin").body(Map.of("kind", "HOLIDAY")).when().put("/api/calendar/days/2031-02-30").then()
                .statusCode(400).body("field", equalTo("day")).body("error", equalTo("invalid_input"));
        Api.as("admin").body(Map.of("kind", "HOLIDAY")).when().put("/api/calendar/days/31-3-5").then().statusCode(400).body("field", equalTo("day"));
        Api.as("admin").body(Map.of("kind", "SOMETIMES")).when().put("/api/calendar/days/2031-03-05").then()
                .statusCode(400).body("field", equalTo("kind")).body("message", containsString("SOMETIMES"));
        Api.as("admin").body(Map.of("name", "x")).when().put("/api/calendar/days/2031-03-05").then().statusCode(400).body("field", equalTo("kind"));
        Api.as("admin").body(Map.of("kind", "WORKDAY")).when().put("/api/calendar/days/2031-03-05").then()
                .statusCode(400).body("field", equalTo("kind")).body("message", containsString("wednesday"));
        Api.as("admin").body(Map.of("kind", "HOLIDAY", "name", "长".repeat(101))).when().put("/api/calendar/days/2031-03-05").then()
                .statusCode(400).body("field", equalTo("name"));
        Api.as("admin").when().delete("/api/calendar/days/yesterday").then().statusCode(400).body("field", equalTo("day"));
        for (List<String> bad : List.of(List.of("14:00-18:00", "08:00-12:00"), List.of("08:00-12:00", "11:00-13:00"), List.of("08:00-12:60"),
                List.of("8:00-12:00"), List.of("12:00-08:00"), List.<String>of())) {
            Api.as("admin").body(bad).when().put("/api/calendar/working-periods").then()
                    .statusCode(400).body("field", equalTo("workingPeriods"));
        }
        Api.as("admin").body("{\"not\": \"a list\"}").when().put("/api/calendar/working-periods").then().statusCode(400);
        Api.as("inspector").when().get("/api/calendar").then().body("workingPeriods", equalTo(DEFAULT_PERIODS));
        Api.as("inspector").queryParam("year", "26").when().get("/api/calendar").then().statusCode(400).body("field", equalTo("year"));
        Api.as("inspector").queryParam("start", "2026-09-30T16:00:00+08:00").queryParam("limit", "4天")
                .when().get("/api/calendar/deadline").then().statusCode(400).body("field", equalTo("limit")).body("message", containsString("4天"));
        Api.as("inspector").queryParam("start", "2026-09-30T16:00:00+08:00")
                .when().get("/api/calendar/deadline").then().statusCode(400).body("field", equalTo("limit"));
        Api.as("inspector").queryParam("start", "yesterday").queryParam("limit", "4工作时")
                .when().get("/api/calendar/deadline").then().statusCode(400).body("field", equalTo("start"));
    }

    @Test
    void deadlinesFollowTheSeededHolidays() {
        deadline("2026-09-30T16:00:00+08:00", "4工作时").body("deadline", equalTo("2026-10-08T10:00:00+08:00"))
                .body("limit", equalTo("4工作时")).body("start", equalTo("2026-09-30T16:00:00+08:00"));
        deadline("2026-09-30T08:00:00Z", "4小时").body("deadline", equalTo("2026-10-08T10:00:00+08:00")).body("limit", equalTo("4工作时"));
        deadline("2026-09-30T16:00", "1 work_day").body("deadline", equalTo("2026-10-08T16:00:00+08:00"));
        deadline("2026-10-09T16:00:00+08:00", "4工作时").body("deadline", equalTo("2026-10-10T10:00:00+08:00"));
        deadline("2026-09-30T22:00:00+08:00", "2紧急工作时").body("deadline", equalTo("2026-10-01T00:00:00+08:00"));
        deadline("2026-09-30T10:00:00+08:00", "3自然日").body("deadline", equalTo("2026-10-03T10:00:00+08:00"));
        Api.as("inspector").queryParam("limit", "1工作日").when().get("/api/calendar/deadline").then().statusCode(200)
                .body("deadline", not(equalTo(null)));
    }

    private static io.restassured.response.ValidatableResponse deadline(String start, String limit) {
        return Api.as("inspector").queryParam("start", start).queryParam("limit", limit)
                .when().get("/api/calendar/deadline").then().statusCode(200);
    }
}
