package org.civicgrid.cases;

import static io.restassured.RestAssured.given;
import static org.civicgrid.testsupport.Cases.act;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.GpsJpeg;
import org.civicgrid.testsupport.OpenApiDocument;
import org.civicgrid.testsupport.Store;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * 案卷访问 (issue 17): every sub-resource of a case applies the rule of {@code GET /api/cases/{id}}; archived cases
 * take no attachments; an uploaded "photo" must be one; downloads cannot run script.
 */
@QuarkusTest
class CaseAccessTest {

    /** Page routes under a case (not in the OpenAPI document); a new one belongs here. */
    static final List<String> CASE_PAGES = List.of("/cases/{id}", "/cases/{id}/print", "/cameras/near-case/{id}");

    @Inject
    AgroalDataSource dataSource;

    private long attachments(long caseId) {
        return Store.count(dataSource, "case_attachment where case_id = " + caseId);
    }

    @Test
    void everySubResourceOfACaseRefusesAUserWhoMayNotSeeTheCase() {
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        Api.as("huanwei").when().get("/api/cases/" + id).then().statusCode(403);
        List<String> leaks = new ArrayList<>();
        Map<String, Map<String, Object>> paths = OpenApiDocument.fetch().getMap("paths");
        int checked = 0;
        for (var entry : paths.entrySet()) {
            if (!entry.getKey().matches("/api/(cameras/)?cases/\\{[^}]+}.*")) {
                continue;
            }
            String path = entry.getKey().replaceFirst("\\{[^}]+}", String.valueOf(id)).replace("{action}", "accept")
                    .replaceAll("\\{[^}]+}", "1");
            for (String method : entry.getValue().keySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    continue;
                }
                checked++;
                Response r = path.endsWith("/attachments") && "post".equals(method)
                        ? Api.as("huanwei").contentType("multipart/form-data").multiPart("file", "p.jpg", GpsJpeg.plain(), "image/jpeg").post(path)
                        : Api.as("huanwei").body("{}").request(method.toUpperCase(), path);
                if (r.statusCode() != 403) {
                    leaks.add(method + " " + path + " -> " + r.statusCode() + " " + r.asString());
                }
            }
        }
        WebSession huanwei = WebSession.signIn("huanwei");
        for (String page : CASE_PAGES) {
            checked++;
            Response r = huanwei.page().when().get(page.replace("{id}", String.valueOf(id)));
            if (r.statusCode() != 403) {
                leaks.add("GET " + page + " -> " + r.statusCode());
            }
        }
        assertTrue(checked >= 8, "the case's sub-resources were found: " + checked);
        assertTrue(leaks.isEmpty(), "sub-resources answering a department user who may not see the case: " + leaks);
        assertEquals(0, attachments(id));
    }

    @Test
    void duplicatesListOnlyCasesTheUserMaySee() {
        long inspector = Cases.staffId("inspector");
        long mine = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT + 0.0003, Cases.LON + 0.0003);
        long other = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT + 0.0003, Cases.LON + 0.0003);
        act("acceptor", mine, "accept", Map.of()).statusCode(200);
        act("shiftlead", mine, "file", Map.of("conditionId", Cases.conditionId("component:0101", "破损超过25"))).statusCode(200);
        act("dispatcher", mine, "dispatch", Map.of("departmentId", Cases.departmentId("gongshui"))).statusCode(200);
        Api.as("acceptor").when().get("/api/cases/" + mine + "/duplicates").then().statusCode(200)
                .body("id", hasItem((int) other));
        Api.as("gongshui").when().get("/api/cases/" + mine + "/duplicates").then().statusCode(200)
                .body("id", not(hasItem((int) other)));
        assertTrue(inspector > 0);
    }

    @Test
    void aClosedCaseTakesNoAttachmentsFromAnyone() {
        long inspector = Cases.staffId("inspector");
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        act("acceptor", id, "accept", Map.of()).statusCode(200);
        act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("component:0101", "破损超过25"))).statusCode(200);
        act("dispatcher", id, "dispatch", Map.of("departmentId", Cases.departmentId("gongshui"))).statusCode(200);
        act("gongshui", id, "signFor", Map.of()).statusCode(200);
        act("gongshui", id, "reportHandled", Map.of("note", "已更换井盖")).statusCode(200);
        act("acceptor", id, "sendToCheck", Map.of("inspectorId", inspector)).statusCode(200);
        act("inspector", id, "verify", Map.of()).statusCode(200);
        act("shiftlead", id, "close", Map.of()).statusCode(200).body("stage", equalTo("CLOSED"));
        long before = attachments(id);
        for (String user : new String[] {"shiftlead", "inspector", "gongshui"}) {
            Api.as(user).contentType("multipart/form-data").multiPart("file", "late.jpg", GpsJpeg.plain(), "image/jpeg")
                    .when().post("/api/cases/" + id + "/attachments").then().statusCode(409).body("error", equalTo("case_archived"));
        }
        Api.as("huanwei").contentType("multipart/form-data").multiPart("file", "late.jpg", GpsJpeg.plain(), "image/jpeg")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(403);
        assertEquals(before, attachments(id));
    }

    @Test
    void aFileThatOnlyStartsLikeAPhotoIsRefusedAndDownloadsCannotRunScript() {
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        byte[] polyglot = ("\u00ff\u00d8\u00ff\u00e0<html><script>alert(document.cookie)</script></html>").getBytes(StandardCharsets.ISO_8859_1);
        Api.as("inspector").contentType("multipart/form-data").multiPart("file", "evil.jpg", polyglot, "image/jpeg")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(400).body("field", equalTo("file"))
                .body("message", containsString("not"));
        assertEquals(0, attachments(id));
        String url = Api.as("inspector").contentType("multipart/form-data").multiPart("file", "real.jpg", GpsJpeg.plain(), "image/jpeg")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(201).extract().path("[0].url");
        Api.as("inspector").accept("*/*").when().get(url).then().statusCode(200).contentType("image/jpeg")
                .header("Content-Disposition", containsString("inline")).header("Content-Security-Policy", containsString("sandbox"))
                .header("X-Content-Type-Options", "nosniff");
        given().redirects().follow(false).when().get(url).then().statusCode(401);
    }
}
