package org.civicgrid.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** A validation message of the API shown on the case page reads in the page's language (issue 19 §3). */
@QuarkusTest
class CaseErrorsInChineseTest {

    @Test
    void filingWithoutAConditionSaysSoInChineseAndInEnglish() {
        long id = Cases.report("acceptor", "HOTLINE", "incident:0110", Cases.LAT, Cases.LON);
        WebSession.signIn("acceptor").form().formParam("version", version(id)).formParam("note", "")
                .when().post("/cases/" + id + "/actions/accept").then().statusCode(303);
        WebSession shiftlead = WebSession.signIn("shiftlead");
        shiftlead.form().formParam("version", version(id)).formParam("conditionId", "")
                .when().post("/cases/" + id + "/actions/file").then().statusCode(400)
                .body(containsString("立案条件：此操作必填")).body(not(containsString("conditionId: required")));
        shiftlead.form().cookie("civicgrid-lang", "en").formParam("version", version(id)).formParam("conditionId", "")
                .when().post("/cases/" + id + "/actions/file").then().statusCode(400)
                .body(containsString("conditionId: required for this action")).body(not(containsString("此操作必填")));
    }

    private static int version(long id) {
        return Cases.get("acceptor", id).extract().path("version");
    }
}
