package org.civicgrid.evaluation.report;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MutableClock;
import org.civicgrid.testsupport.Store;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stored 月通报 of a month of its own (July of a random year from 3000, one case filed): only a leader generates one, and only once the month
 * has ended; the scheduled check writes last month's once and never a second; the stored copy keeps its figures (and
 * its hash) when the history of that month changes later, while the live report follows the history.
 */
@QuarkusTest
class BulletinsTest {

    /** A year of its own per run (the test store is kept between runs): 3000–3999, which no other test uses. */
    static final int YEAR = 3000 + new java.util.Random().nextInt(1000);

    @Inject
    Bulletins bulletins;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void release() {
        MutableClock.release();
    }

    @Test
    void aClosedMonthIsStoredOnceAndKeepsItsFigures() {
        MutableClock.at(YEAR + "-07-10T09:00:00");
        filed();
        MutableClock.at(YEAR + "-08-03T09:00:00");
        WebSession.signIn("shiftlead").form().formParam("period", YEAR + "-07").when().post("/evaluation/bulletins").then().statusCode(403);
        WebSession leader = WebSession.signIn("leader");
        leader.form().formParam("period", YEAR + "-08").when().post("/evaluation/bulletins").then().statusCode(409).body(containsString("尚未结束"));
        leader.form().formParam("period", "七月").when().post("/evaluation/bulletins").then().statusCode(400).body(containsString("考核期请写成月份"));

        bulletins.generateLastMonth();
        bulletins.generateLastMonth();
        assertEquals("1", Store.single(dataSource, "select count(*) from eval_bulletin where period = '" + YEAR + "-07'"), "one stored copy");
        leader.form().formParam("period", YEAR + "-07").when().post("/evaluation/bulletins").then().statusCode(409).body(containsString("已经存档"));
        String id = Store.single(dataSource, "select id from eval_bulletin where period = '" + YEAR + "-07'");
        String content = Store.single(dataSource, "select content from eval_bulletin where id = " + id);
        assertEquals(Bulletins.sha256(content), Store.single(dataSource, "select hash from eval_bulletin where id = " + id));

        String filedOnce = "<td>立案数</td><td class=\"num\">1</td>";
        leader.page().when().get("/evaluation/bulletins").then().statusCode(200).body(containsString("data-bulletin-id=\"" + id + "\" data-period=\"" + YEAR + "-07\""));
        leader.page().when().get("/evaluation/bulletins/" + id).then().statusCode(200).body(containsString("id=\"stored-copy\""))
                .body(containsString("月通报 · " + YEAR + "-07")).body(containsString(filedOnce));

        // a case filed in July after the bulletin: the live report counts it, the stored copy does not
        MutableClock.at(YEAR + "-07-20T09:00:00");
        filed();
        MutableClock.at(YEAR + "-08-04T09:00:00");
        String live = leader.page().queryParam("kind", "month").queryParam("period", YEAR + "-07").when().get("/evaluation/report").then()
                .statusCode(200).extract().asString();
        assertTrue(live.contains("<td>立案数</td><td class=\"num\">2</td>") && !live.contains("id=\"stored-copy\""), live);
        leader.page().when().get("/evaluation/bulletins/" + id).then().statusCode(200).body(containsString(filedOnce));
        leader.page().when().get("/evaluation/bulletins/999999").then().statusCode(404);
    }

    private static void filed() {
        long condition = Cases.conditionId("component:0101", "破损超过25");
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "file", Map.of("conditionId", condition)).statusCode(200);
    }
}
