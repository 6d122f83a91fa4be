package org.civicgrid.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.GpsJpeg;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The citizens' portal API /api/public/*: open without sign-in, the challenge, photo checks by bytes and size, the rate
 * limit per address, the case in the acceptor's queue, following by number without personal data, moderation before
 * anything is public, rating only by the reporter after closure, and the department results.
 */
@QuarkusTest
class PortalApiTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);
    private static final Pattern SUM = Pattern.compile("(\\d+) 加 (\\d+)");

    /** A citizen at their own address (the test profile trusts X-Forwarded-For). */
    private static String newAddress() {
        return "203.0.113." + ADDRESS.incrementAndGet();
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address).accept("application/json");
    }

    /** A fresh challenge answered right: {@code [token, answer]}. */
    static String[] solved() {
        JsonPath q = given().accept("application/json").when().get("/api/public/challenge").then().statusCode(200).extract().jsonPath();
        Matcher m = SUM.matcher(q.getString("text"));
        assertTrue(m.find(), q.getString("text"));
        return new String[] {q.getString("token"), String.valueOf(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)))};
    }

    private static RequestSpecification report(String address, String problem, byte[] photo) {
        String[] c = solved();
        RequestSpecification r = from(address).multiPart("challenge", c[0]).multiPart("answer", c[1]).multiPart("problem", problem);
        return photo == null ? r : r.multiPart("photo", "photo.jpg", photo, "image/jpeg");
    }

    private static RequestSpecification at(RequestSpecification r, double lat, double lon) {
        return r.multiPart("lat", String.valueOf(lat)).multiPart("lon", String.valueOf(lon));
    }

    @Test
    void onlyThePublicApiIsOpen() {
        given().accept("application/json").when().get("/api/public/problems").then().statusCode(200)
                .body("key", hasItem("GARBAGE")).body("find { it.key == 'GARBAGE' }.classRef", equalTo("incident:06010"));
        given().accept("application/json").when().get("/api/public/results").then().statusCode(200);
        given().when().get("/api/public/grids").then().statusCode(200).body("type", equalTo("FeatureCollection"))
                .body("features.size()", org.hamcrest.Matchers.greaterThan(500)).body("features[0].properties.name", org.hamcrest.Matchers.notNullValue())
                .body("features[0].properties.size()", equalTo(1)); // shape and name only, nothing of the staff export
        given().accept("application/json").queryParam("q", "县人民医院").when().get("/api/public/places").then().statusCode(200)
                .body("[0].name", equalTo("县人民医院"));
        given().accept("application/json").when().get("/api/cases").then().statusCode(401);
        given().accept("application/json").when().get("/api/m/tasks").then().statusCode(401);
        given().redirects().follow(false).when().get("/moderation").then().statusCode(302);
        WebSession.signIn("dispatcher").page().accept("text/html").when().get("/moderation").then().statusCode(403);
        Api.as("dispatcher").redirects().follow(false).accept("text/html").when().get("/moderation").then().statusCode(302); // Basic never signs in a page
        given().when().get("/public/").then().statusCode(200).body(containsString("challenge-question"));
    }

    @Test
    void aReportArrivesInTheAcceptorsQueueAndIsFollowedWithoutPersonalData() {
        JsonPath filed = at(report(newAddress(), "GARBAGE", GpsJpeg.plain()), Cases.LAT, Cases.LON)
                .multiPart(new MultiPartSpecBuilder("张三").controlName("name").charset(StandardCharsets.UTF_8).build())
                .multiPart("phone", "13800001111")
                .when().post("/api/public/reports").then().statusCode(201).extract().jsonPath();
        String number = filed.getString("number");
        assertTrue(filed.getString("follow").contains(number));
        List<Map<String, Object>> queue = Api.as("acceptor").queryParam("stage", "REPORTED").queryParam("source", "PUBLIC")
                .queryParam("q", number).when().get("/api/cases").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(1, queue.size());
        long id = ((Number) queue.get(0).get("id")).longValue();
        Cases.get("acceptor", id).body("classCode", equalTo("incident:06010")).body("reporterPhone", equalTo("13800001111"))
                .body("reporterName", equalTo("张三")).body("description", equalTo("路边有垃圾没人清")).body("attachments.size()", equalTo(1));

        String body = given().accept("application/json").when().get("/api/public/cases/" + number).then().statusCode(200)
                .body("phase", equalTo("RECEIVED")).body("problem", equalTo("路边有垃圾没人清")).body("text", nullValue())
                .body("rateable", equalTo(false)).extract().asString();
        assertFalse(body.contains("13800001111") || body.contains("张三"), body);
        given().accept("application/json").when().get("/api/public/cases/209901010001").then().statusCode(404);
    }

    @Test
    void thePositionMayComeFromThePhotoAndMustLieInTheCounty() {
        String address = newAddress();
        report(address, "STREET_LIGHT", GpsJpeg.at(35.6612, 117.2615)).when().post("/api/public/reports").then().statusCode(201);
        report(address, "STREET_LIGHT", GpsJpeg.plain()).when().post("/api/public/reports").then().statusCode(400)
                .body("field", equalTo("lat"));
        at(report(newAddress(), "STREET_LIGHT", null), 39.9, 116.4).when().post("/api/public/reports").then().statusCode(400)
                .body("field", equalTo("lat")).body("message", containsString("outside"));
        at(report(newAddress(), "UFO", null), Cases.LAT, Cases.LON).when().post("/api/public/reports").then().statusCode(400)
                .body("field", equalTo("problem"));
    }

    @Test
    void theChallengeMustBeAnsweredOnceAndRight() {
        String[] c = solved();
        String wrong = String.valueOf(Integer.parseInt(c[1]) + 1);
        at(from(newAddress()).multiPart("challenge", c[0]).multiPart("answer", wrong).multiPart("problem", "GARBAGE"), Cases.LAT, Cases.LON)
                .when().post("/api/public/reports").then().statusCode(400).body("field", equalTo("answer"));
        at(from(newAddress()).multiPart("problem", "GARBAGE"), Cases.LAT, Cases.LON)
                .when().post("/api/public/reports").then().statusCode(400).body("field", equalTo("answer"));
        String[] parts = c[0].split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("1:1:9999999999:abc".getBytes(StandardCharsets.US_ASCII))
                + "." + parts[1];
        at(from(newAddress()).multiPart("challenge", forged).multiPart("answer", "2").multiPart("problem", "GARBAGE"), Cases.LAT, Cases.LON)
                .when().post("/api/public/reports").then().statusCode(400).body("message", containsString("not given by this portal"));
        String[] ok = solved();
        at(from(newAddress()).multiPart("challenge", ok[0]).multiPart("answer", ok[1]).multiPart("problem", "GARBAGE"), Cases.LAT, Cases.LON)
                .when().post("/api/public/reports").then().statusCode(201);
        at(from(newAddress()).multiPart("challenge", ok[0]).multiPart("answer", ok[1]).multiPart("problem", "GARBAGE"), Cases.LAT, Cases.LON)
                .when().post("/api/public/reports").then().statusCode(400).body("message", containsString("already used"));
    }

    @Test
    void uploadsAreCheckedByTheirBytesAndSize() {
        at(report(newAddress(), "GARBAGE", null), Cases.LAT, Cases.LON)
                .multiPart("photo", "photo.jpg", "<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8), "image/jpeg")
                .when().post("/api/public/reports").then().statusCode(415).body("field", equalTo("photo"));
        byte[] big = Arrays.copyOf(GpsJpeg.plain(), 400_000);
        at(report(newAddress(), "GARBAGE", big), Cases.LAT, Cases.LON)
                .when().post("/api/public/reports").then().statusCode(413).body("message", containsString("larger than"));
        RequestSpecification four = at(report(newAddress(), "GARBAGE", GpsJpeg.plain()), Cases.LAT, Cases.LON);
        for (int i = 0; i < 3; i++) {
            four = four.multiPart("photo", "p" + i + ".jpg", GpsJpeg.plain(), "image/jpeg");
        }
        four.when().post("/api/public/reports").then().statusCode(400).body("message", containsString("at most 3"));
    }

    @Test
    void theChallengeTokenDoesNotGiveAwayTheAnswer() {
        for (int i = 0; i < 5; i++) {
            String[] c = solved();
            String payload = new String(java.util.Base64.getUrlDecoder().decode(c[0].substring(0, c[0].indexOf('.'))),
                    StandardCharsets.US_ASCII);
            for (String field : payload.split(":")) {
                assertFalse(field.equals(c[1]), "the token carries the answer " + c[1] + ": " + payload);
            }
            assertFalse(payload.matches("^\\d{1,2}:\\d{1,2}:.*"), "the token starts with the two numbers: " + payload);
        }
        String[] c = solved();
        String wrong = String.valueOf(Integer.parseInt(c[1]) + 1);
        at(from(newAddress()).multiPart("challenge", c[0]).multiPart("answer", wrong).multiPart("problem", "BIN_FULL"), Cases.LAT, Cases.LON)
                .when().post("/api/public/reports").then().statusCode(400).body("field", equalTo("answer"));
    }

    @Test
    void oneAddressMaySendOnlySoManyReports() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            at(report(address, "BIN_FULL", null), Cases.LAT, Cases.LON).when().post("/api/public/reports").then().statusCode(201);
        }
        at(report(address, "BIN_FULL", null), Cases.LAT, Cases.LON).when().post("/api/public/reports").then().statusCode(429)
                .body("error", equalTo("too_many_requests"));
        at(report(newAddress(), "BIN_FULL", null), Cases.LAT, Cases.LON).when().post("/api/public/reports").then().statusCode(201);
    }

    @Test
    void nothingIsPublicUntilTheAcceptorPublishesIt() {
        String number = at(report(newAddress(), "POSTERS", null), Cases.LAT, Cases.LON)
                .multiPart(new MultiPartSpecBuilder("电线杆上贴满小广告，联系人李四 13900002222").controlName("description").charset(StandardCharsets.UTF_8).build())
                .when().post("/api/public/reports").then().statusCode(201).extract().path("number");
        given().accept("application/json").when().get("/api/public/recent").then().statusCode(200).body("number", not(hasItem(number)));
        String before = given().when().get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].description", nullValue()).extract().asString();
        assertFalse(before.contains("13900002222") || before.contains("李四"), before);

        WebSession acceptor = WebSession.signIn("acceptor");
        String page = acceptor.page().when().get("/moderation").then().statusCode(200).body(containsString(number)).extract().asString();
        Matcher form = Pattern.compile("data-case=\"" + number + "\" id=\"report-(\\d+)\"").matcher(page);
        assertTrue(form.find());
        String reportId = form.group(1);
        acceptor.form().formParam("decision", "PUBLISHED").formParam("publicText", " ").when().post("/moderation/" + reportId)
                .then().statusCode(400);
        acceptor.form().formParam("decision", "PUBLISHED").formParam("publicText", "电线杆上贴满小广告").when().post("/moderation/" + reportId)
                .then().statusCode(303);
        String recent = given().accept("application/json").when().get("/api/public/recent").then().statusCode(200)
                .body("find { it.number == '" + number + "' }.text", equalTo("电线杆上贴满小广告")).extract().asString();
        assertFalse(recent.contains("13900002222") || recent.contains("李四"), recent);
        // Open311 shows exactly what the portal shows: the published text, the area, no point (issue 17)
        String open311 = given().when().get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].description", equalTo("电线杆上贴满小广告")).body("[0].lat", nullValue()).extract().asString();
        assertFalse(open311.contains("13900002222") || open311.contains("李四"), open311);
        given().when().get("/public/recent").then().statusCode(200).body(containsString(number));
        WebSession.signIn("dispatcher").form().formParam("decision", "HIDDEN").when().post("/moderation/" + reportId).then().statusCode(403);
        acceptor.form().formParam("decision", "HIDDEN").when().post("/moderation/" + reportId).then().statusCode(303);
        given().accept("application/json").when().get("/api/public/recent").then().statusCode(200).body("number", not(hasItem(number)));
    }

    @Test
    void onlyTheReporterRatesAClosedCaseOnceAndTheDepartmentResultsCountIt() {
        JsonPath filed = at(report(newAddress(), "GARBAGE", null), Cases.LAT, Cases.LON).when().post("/api/public/reports")
                .then().statusCode(201).extract().jsonPath();
        String number = filed.getString("number");
        String key = filed.getString("key");
        Map<String, Object> rating = Map.of("key", key, "score", 4, "comment", "处理及时");
        String address = newAddress();
        from(address).contentType("application/json").body(rating).when().post("/api/public/cases/" + number + "/rating").then()
                .statusCode(409).body("error", equalTo("not_closed"));

        long id = ((Number) Api.as("acceptor").queryParam("q", number).when().get("/api/cases").then().extract().jsonPath()
                .getList("items.id").get(0)).longValue();
        long huanwei = ((Number) Api.as("huanwei").when().get("/api/me").then().statusCode(200).extract().path("departmentId")).longValue();
        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("incident:0110", ""))).statusCode(200);
        Cases.act("dispatcher", id, "dispatch", Map.of("departmentId", huanwei)).statusCode(200);
        Cases.act("huanwei", id, "signFor", Map.of()).statusCode(200);
        Cases.act("huanwei", id, "reportHandled", Map.of("note", "已清运")).statusCode(200);
        Cases.act("acceptor", id, "sendToCheck", Map.of("inspectorId", Cases.staffId("inspector"))).statusCode(200);
        Cases.act("inspector", id, "verify", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "close", Map.of()).statusCode(200).body("stage", equalTo("CLOSED"));

        given().accept("application/json").when().get("/api/public/cases/" + number).then().statusCode(200)
                .body("phase", equalTo("CLOSED")).body("rateable", equalTo(true))
                .body("steps.phase", equalTo(List.of("RECEIVED", "FILED", "HANDLING", "CHECKING", "CLOSED")));
        from(address).contentType("application/json").body(Map.of("key", "guessed", "score", 1)).when()
                .post("/api/public/cases/" + number + "/rating").then().statusCode(403);
        from(address).contentType("application/json").body(Map.of("key", key, "score", 9)).when()
                .post("/api/public/cases/" + number + "/rating").then().statusCode(400).body("field", equalTo("score"));
        String page = given().queryParam("number", number).queryParam("key", key).when().get("/public/cases").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("id=\"rate-form\""), "the reporter's link shows the rating form");
        given().queryParam("number", number).when().get("/public/cases").then().statusCode(200).body(not(containsString("rate-form")));
        WebSession.Csrf.from("/public/").on(given()).header("X-Forwarded-For", newAddress()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("number", number).formParam("key", "guessed").formParam("score", "5").when().post("/public/cases/rating")
                .then().statusCode(403).body(containsString("only the reporter"));
        from(newAddress()).contentType("application/json").body(rating).when().post("/api/public/cases/" + number + "/rating").then()
                .statusCode(200).body("score", equalTo(4)).body("comment", equalTo("处理及时")).body("rateable", equalTo(false));
        from(newAddress()).contentType("application/json").body(rating).when().post("/api/public/cases/" + number + "/rating").then()
                .statusCode(409).body("error", equalTo("already_rated"));
        // the rating goes up to the hub (公众满意度 across towns): one event, written with it; the refused ones wrote none
        assertEquals(List.of("{\"kind\":\"PORTAL\",\"ratingId\":" + org.civicgrid.testsupport.Store.single(dataSource,
                "select id from public_rating where case_id = " + id) + ",\"score\":4,\"satisfied\":null}"), org.civicgrid.testsupport.Store.column(
                dataSource, "select payload from outbox_entry where event_type = 'rating.added' and case_id = " + id));

        JsonPath results = given().accept("application/json").when().get("/api/public/results").then().statusCode(200).extract().jsonPath();
        String name = results.getString("departments.find { it.closed > 0 }.department");
        assertTrue(name != null && results.getLong("closed") >= 1 && results.getDouble("averageScore") > 0, results.prettify());
        assertTrue(results.getDouble("departments.find { it.closed > 0 }.onTimeRate") > 0);
        given().when().get("/public/results").then().statusCode(200).body(containsString("department-results"));
    }
}
