package org.civicgrid.testsupport;

import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Case API shortcuts for tests: report a case, take an action, look up demo ids. */
public final class Cases {

    /** 县城, 1 km west of the centre: a demo grid of 泗河街道, patrolled by {@code inspector} (not {@code inspector2}). */
    public static final double LAT = 35.6600;
    public static final double LON = 117.2600;

    private Cases() {
    }

    public static long report(String user, String source, String classCode, double lat, double lon) {
        Map<String, Object> body = new HashMap<>(Map.of("source", source, "description", "测试上报：井盖破损", "lat", lat, "lon", lon));
        if (classCode != null) {
            body.put("classCode", classCode);
        }
        return ((Number) Api.as(user).body(body).when().post("/api/cases").then().statusCode(201).extract().path("id")).longValue();
    }

    public static ValidatableResponse act(String user, long caseId, String action, Map<String, ?> body) {
        return Api.as(user).body(body).when().post("/api/cases/" + caseId + "/actions/" + action).then();
    }

    /** A photo that decodes (uploads are decode-checked: header-only fakes are refused). */
    public static final byte[] JPEG = GpsJpeg.plain();

    /** Uploads a photo taken after the fix (phase AFTER), as 自处理 needs. */
    public static void afterPhoto(String user, long caseId) {
        Api.as(user).contentType("multipart/form-data").multiPart("file", "after.jpg", JPEG, "image/jpeg").multiPart("phase", "AFTER")
                .when().post("/api/cases/" + caseId + "/attachments").then().statusCode(201);
    }

    public static ValidatableResponse get(String user, long caseId) {
        return Api.as(user).when().get("/api/cases/" + caseId).then().statusCode(200);
    }

    public static long staffId(String username) {
        return ((Number) Api.as(username).when().get("/api/me").then().statusCode(200).extract().path("id")).longValue();
    }

    public static long departmentId(String code) {
        List<Map<String, Object>> all = Api.as("admin").when().get("/api/departments").then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(d -> code.equals(d.get("code"))).map(d -> ((Number) d.get("id")).longValue()).findFirst().orElseThrow();
    }

    /** The id of the class's filing standard whose condition contains this text. */
    public static long conditionId(String classRef, String conditionPart) {
        List<Map<String, Object>> all = Api.as("shiftlead").queryParam("classRef", classRef).when().get("/api/filing-standards")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(s -> String.valueOf(s.get("condition")).contains(conditionPart))
                .map(s -> ((Number) s.get("id")).longValue()).findFirst().orElseThrow();
    }
}
