package org.civicgrid.cases;

import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.GpsJpeg;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The case detail: photos grouped by phase (before / after handling) and the case's point on the grid map. */
@QuarkusTest
class CaseDetailPageTest {

    private static final byte[] JPEG = GpsJpeg.plain(); // a photo that decodes (issue 17 refuses header-only fakes)

    private static void photo(long id, String name) {
        Api.as("inspector").contentType("multipart/form-data").multiPart("file", name, JPEG, "image/jpeg")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(201);
    }

    private static void afterPhoto(long id, String name) {
        Api.as("inspector").contentType("multipart/form-data").multiPart("file", name, JPEG, "image/jpeg").multiPart("phase", "AFTER")
                .when().post("/api/cases/" + id + "/attachments").then().statusCode(201);
    }

    @Test
    void photosAreGroupedBeforeAndAfterHandling() {
        long id = Cases.report("inspector", "INSPECTOR", "incident:0110", Cases.LAT, Cases.LON);
        photo(id, "before.jpg");
        afterPhoto(id, "after.jpg"); // 自处理 needs it first
        int version = Cases.get("inspector", id).extract().path("version");
        Cases.act("inspector", id, "selfHandle", Map.of("version", version, "note", "已当场清理")).statusCode(200);
        String page = WebSession.signIn("acceptor").page().when().get("/cases/" + id).then().statusCode(200)
                .body(containsString("phase-BEFORE\">上报（处置前）")).body(containsString("phase-AFTER\">处置后"))
                .body(containsString("id=\"case-map\"")).body(containsString("data-lat=\"" + Cases.LAT))
                .body(containsString("/static/bundle/report")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.indexOf("alt=\"before.jpg\"") < page.indexOf("phase-AFTER"),
                "the before photo is in the first group");
        org.junit.jupiter.api.Assertions.assertTrue(page.indexOf("alt=\"after.jpg\"") > page.indexOf("phase-AFTER"),
                "the after photo is in the after group");
    }
}
