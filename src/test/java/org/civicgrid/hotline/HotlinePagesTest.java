package org.civicgrid.hotline;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The hotline desk: who may use it, taking a call as a new case, merging it into an open case, the suggestions, the call log. */
@QuarkusTest
class HotlinePagesTest {

    private static final String CLASS = "incident:0110";
    private static final AtomicInteger PHONES = new AtomicInteger();

    /** A caller number no other test uses. */
    private static String phone() {
        return "1391234" + String.format("%04d", PHONES.incrementAndGet() + (int) (System.nanoTime() % 5000));
    }

    private static RequestSpecification call(WebSession session, String phone) {
        return session.form().formParam("callerPhone", phone).formParam("callerName", "李女士").formParam("address", "人民路 88 号")
                .formParam("lat", String.valueOf(Cases.LAT)).formParam("lon", String.valueOf(Cases.LON)).formParam("classCode", CLASS)
                .formParam("description", "路边垃圾堆了三天").formParam("note", "来电人要求回电");
    }

    private static long callId(Response posted) {
        posted.then().statusCode(303).header("Location", containsString("/hotline?call="));
        String location = posted.header("Location");
        return Long.parseLong(location.substring(location.indexOf("call=") + 5));
    }

    private static Map<String, Object> caseByPhone(String phone) {
        List<Map<String, Object>> items = Api.as("acceptor").queryParam("source", "HOTLINE").queryParam("size", 200).when().get("/api/cases")
                .then().statusCode(200).extract().jsonPath().getList("items");
        for (Map<String, Object> item : items) {
            long id = ((Number) item.get("id")).longValue();
            Map<String, Object> detail = Cases.get("acceptor", id).extract().jsonPath().getMap("$");
            if (phone.equals(detail.get("reporterPhone"))) {
                return detail;
            }
        }
        throw new AssertionError("no hotline case of " + phone);
    }

    @Test
    void theDeskIsForAcceptorsAndShiftLeads() {
        WebSession.signIn("acceptor").page().when().get("/hotline").then().statusCode(200)
                .body(containsString("<title>热线受理")).body(containsString("id=\"call-form\"")).body(containsString("id=\"hotline-map\""))
                .body(containsString("value=\"component:01001\"")).body(containsString("供水井盖")).body(containsString("href=\"/hotline\""));
        WebSession.signIn("shiftlead").page().when().get("/hotline").then().statusCode(200);
        WebSession.signIn("dispatcher").page().when().get("/hotline").then().statusCode(403);
        WebSession.signIn("dispatcher").page().when().get("/hotline/calls").then().statusCode(403);
        WebSession.signIn("dispatcher").page().when().get("/").then().statusCode(200).body(not(containsString("href=\"/hotline\"")));
        WebSession.signIn("acceptor").page().cookie("civicgrid-lang", "en").when().get("/hotline").then().statusCode(200)
                .body(containsString("<title>Hotline desk")).body(containsString("Create case"));
    }

    @Test
    void aCallBecomesAHotlineCaseAndIsLogged() {
        WebSession acceptor = WebSession.signIn("acceptor");
        String phone = phone();
        long call = callId(call(acceptor, phone).formParam("outcome", "CREATED").when().post("/hotline"));
        Map<String, Object> created = caseByPhone(phone);
        assertEquals("HOTLINE", created.get("source"));
        assertEquals("REPORTED", created.get("stage"));
        assertEquals(CLASS, created.get("classCode"));
        assertEquals("李女士", created.get("reporterName"));
        assertEquals("人民路 88 号", created.get("address"));
        String number = (String) created.get("number");

        acceptor.page().queryParam("call", call).when().get("/hotline").then().statusCode(200)
                .body(containsString("id=\"call-taken\"")).body(containsString(number)).body(containsString("href=\"/cases/" + created.get("id") + "\""));
        acceptor.page().queryParam("q", phone).when().get("/hotline/calls").then().statusCode(200)
                .body(containsString(phone)).body(containsString("李女士")).body(containsString(number)).body(containsString("新建案卷"))
                .body(containsString("来电人要求回电"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        acceptor.page().queryParam("q", phone).queryParam("from", today).queryParam("to", today).queryParam("outcome", "CREATED")
                .when().get("/hotline/calls").then().statusCode(200).body(containsString(number));
        acceptor.page().queryParam("q", phone).queryParam("outcome", "MERGED").when().get("/hotline/calls").then().statusCode(200)
                .body(not(containsString(number))).body(containsString("没有符合条件的来电记录"));
        acceptor.page().queryParam("from", "yesterday").when().get("/hotline/calls").then().statusCode(400);
    }

    @Test
    void theSuggestionsListOpenCasesOfTheClassNearby() {
        long existing = Cases.report("acceptor", "PUBLIC", CLASS, Cases.LAT + 0.0001, Cases.LON);
        String number = Cases.get("acceptor", existing).extract().path("number");
        WebSession acceptor = WebSession.signIn("acceptor");
        acceptor.page().queryParam("classCode", CLASS).queryParam("lat", Cases.LAT).queryParam("lon", Cases.LON).when()
                .get("/hotline/suggestions").then().statusCode(200).body(not(containsString("<html")))
                .body(containsString(number)).body(containsString("name=\"mergeInto\" value=\"" + existing + "\""))
                .body(containsString("相距 11 米")).body(containsString("网格 370831"));
        acceptor.page().queryParam("classCode", "component:0101").queryParam("lat", Cases.LAT).queryParam("lon", Cases.LON).when()
                .get("/hotline/suggestions").then().statusCode(200).body(not(containsString(number)));
        acceptor.page().queryParam("classCode", CLASS).queryParam("lat", Cases.LAT + 0.01).queryParam("lon", Cases.LON).when()
                .get("/hotline/suggestions").then().statusCode(200).body(not(containsString(number))).body(containsString("50 米内没有"));
        acceptor.page().queryParam("classCode", CLASS).when().get("/hotline/suggestions").then().statusCode(200)
                .body(containsString("选择分类和位置后"));
        acceptor.page().queryParam("classCode", CLASS).queryParam("lat", 1).queryParam("lon", 2).when().get("/hotline/suggestions")
                .then().statusCode(200).body(containsString("不在本中心服务的县域内"));
    }

    @Test
    void aCallIsMergedIntoAnOpenCase() {
        long kept = Cases.report("acceptor", "PUBLIC", CLASS, Cases.LAT, Cases.LON + 0.0001);
        String keptNumber = Cases.get("acceptor", kept).extract().path("number");
        WebSession acceptor = WebSession.signIn("acceptor");
        String phone = phone();
        long call = callId(call(acceptor, phone).formParam("mergeInto", String.valueOf(kept)).when().post("/hotline"));
        Map<String, Object> report = caseByPhone(phone);
        assertEquals("DISCARDED", report.get("stage"));
        assertEquals(kept, ((Number) report.get("duplicateOfId")).longValue());
        Cases.get("acceptor", kept).body("stage", equalTo("REPORTED")).body("duplicates.number", hasItem(report.get("number")))
                .body("repeatCount", equalTo(1)); // a 重复上报 counts as an alert merge does
        List<String> actions = Cases.get("acceptor", ((Number) report.get("id")).longValue()).extract().jsonPath().getList("history.action");
        assertEquals(List.of("report", "mergeDuplicate"), actions);

        acceptor.page().queryParam("call", call).when().get("/hotline").then().statusCode(200).body(containsString(keptNumber));
        acceptor.page().queryParam("q", phone).queryParam("outcome", "MERGED").when().get("/hotline/calls").then().statusCode(200)
                .body(containsString(keptNumber)).body(containsString("重复上报"));

        // a closed case keeps no duplicates: the workflow refuses, the call is not logged, the form keeps what was typed
        String other = phone();
        Response refused = call(acceptor, other).formParam("mergeInto", "99999999").when().post("/hotline");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"call-error\"") && refused.asString().contains(other), "form kept");
        acceptor.page().queryParam("q", other).when().get("/hotline/calls").then().statusCode(200).body(containsString("没有符合条件的来电记录"));
    }

    @Test
    void anInformationOnlyCallNeedsANoteAndMakesNoCase() {
        WebSession shiftlead = WebSession.signIn("shiftlead");
        String phone = phone();
        shiftlead.form().formParam("callerPhone", phone).formParam("outcome", "INFO_ONLY").when().post("/hotline").then().statusCode(400)
                .body(containsString("id=\"call-error\"")).body(containsString(phone));
        callId(shiftlead.form().formParam("callerPhone", phone).formParam("outcome", "INFO_ONLY").formParam("note", "咨询垃圾清运时间")
                .when().post("/hotline"));
        shiftlead.page().queryParam("q", phone).when().get("/hotline/calls").then().statusCode(200)
                .body(containsString("咨询垃圾清运时间")).body(containsString("仅咨询"));

        // a shift lead may also take a call as a case
        String caller = phone();
        callId(call(shiftlead, caller).formParam("outcome", "CREATED").when().post("/hotline"));
        assertEquals("HOTLINE", caseByPhone(caller).get("source"));
    }

    @Test
    void aCaseNeedsAPlaceInTheCounty() {
        WebSession acceptor = WebSession.signIn("acceptor");
        String phone = phone();
        acceptor.form().formParam("callerPhone", phone).formParam("description", "井盖丢了").formParam("outcome", "CREATED").when()
                .post("/hotline").then().statusCode(400).body(containsString("id=\"call-error\"")).body(containsString("lat"))
                .body(containsString("value=\"" + phone + "\""));
        acceptor.form().formParam("callerPhone", phone).formParam("description", "井盖丢了").formParam("lat", "abc").formParam("lon", "117")
                .formParam("outcome", "CREATED").when().post("/hotline").then().statusCode(400).body(containsString("aria-invalid"));
    }
}
