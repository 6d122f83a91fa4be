package org.civicgrid.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The admin's calendar page: the year's holidays with the [unverified] note, forms that mark days and set periods. */
@QuarkusTest
class CalendarPagesTest {

    @Test
    void theYearViewListsTheSeededScheduleAndWarnsItIsUnverified() {
        WebSession admin = WebSession.signIn("admin");
        admin.page().when().get("/admin/calendar?year=2026").then().statusCode(200)
                .body(containsString("2026-10-01")).body(containsString("国庆节")).body(containsString("调休上班"))
                .body(containsString("[unverified]")).body(containsString("2026 年共 248 个工作日"))
                .body(containsString("href=\"/admin/calendar\""));
        WebSession.signIn("inspector").page().when().get("/").then().body(not(containsString("href=\"/admin/calendar\"")));
        WebSession.signIn("inspector").page().when().get("/admin/calendar").then().statusCode(403);
    }

    @Test
    void formsMarkAndUnmarkDaysAndRedisplayMistakes() {
        WebSession admin = WebSession.signIn("admin");
        admin.form().formParam("day", "2032-06-07").formParam("kind", "HOLIDAY").formParam("name", "页面假日")
                .when().post("/admin/calendar/days").then().statusCode(303).header("Location", endsWith("/admin/calendar?year=2032&saved=1"));
        admin.page().when().get("/admin/calendar?year=2032").then().body(containsString("页面假日")).body(containsString("2032-06-07"));
        admin.form().formParam("day", "2032-06-08").formParam("kind", "WORKDAY").formParam("name", "<b>错</b>")
                .when().post("/admin/calendar/days").then().statusCode(400)
                .body(containsString("field-error")).body(containsString("&lt;b&gt;错&lt;/b&gt;"));
        admin.page().when().post("/admin/calendar/days/2032-06-07/delete").then().statusCode(303);
        admin.page().when().get("/admin/calendar?year=2032").then().body(not(containsString("页面假日")));
    }

    @Test
    void theWorkingPeriodsFormChecksItsInput() {
        WebSession admin = WebSession.signIn("admin");
        admin.form().formParam("periods", "08:00-12:00，11:00-18:00").formParam("year", "2026")
                .when().post("/admin/calendar/working-periods").then().statusCode(400).body(containsString("field-error"));
        admin.form().formParam("periods", "08:00-12:00, 14:00-18:00").formParam("year", "2026")
                .when().post("/admin/calendar/working-periods").then().statusCode(303);
        admin.page().when().get("/admin/calendar").then().body(containsString("value=\"08:00-12:00,14:00-18:00\""));
        Api.as("admin").when().get("/api/calendar").then().statusCode(200);
    }
}
