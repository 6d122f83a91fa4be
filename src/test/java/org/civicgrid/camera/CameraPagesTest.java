package org.civicgrid.camera;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.OnvifResponder;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The camera pages: list and health, the admin's form with test connection, probe, presets, and the case fragment. */
@QuarkusTest
class CameraPagesTest {

    OnvifResponder camera;

    @BeforeEach
    void start() {
        camera = new OnvifResponder(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        camera.close();
    }

    private long registerThroughTheForm(WebSession admin, String name) {
        String location = admin.form().formParam("name", name).formParam("onvifAddress", camera.deviceService())
                .formParam("username", OnvifResponder.USER).formParam("password", OnvifResponder.PASSWORD)
                .formParam("lat", String.valueOf(CameraApiTest.LAT)).formParam("lon", String.valueOf(CameraApiTest.LON)).formParam("heading", "45")
                .formParam("eventsEnabled", "on")
                .when().post("/cameras").then().statusCode(303).header("Location", matchesPattern(".*/cameras/\\d+\\?done=saved")).extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/cameras/(\\d+)\\?.*", "$1"));
    }

    @Test
    void staffSeeTheListWithHealthAndOnlyAdminsManage() {
        WebSession.signIn("inspector").page().when().get("/cameras").then().statusCode(200)
                .body(containsString("视频监控")).body(containsString("泉林路与圣水路口东北角")).body(containsString("front_cam"))
                .body(containsString("id=\"health-summary\"")).body(containsString("id=\"camera-map\"")).body(not(containsString("id=\"add-camera\"")))
                .body(containsString("href=\"/cameras\""));
        WebSession.signIn("inspector").page().when().get("/cameras/new").then().statusCode(403);
        WebSession.signIn("admin").page().when().get("/cameras").then().statusCode(200).body(containsString("id=\"add-camera\""))
                .body(containsString("id=\"discover\""));
    }

    @Test
    void anAdminRegistersProbesAndMovesACameraFromThePages() {
        WebSession admin = WebSession.signIn("admin");
        admin.page().when().get("/cameras/new").then().statusCode(200).body(containsString("id=\"test-connection\""));
        admin.form().formParam("onvifAddress", camera.deviceService()).formParam("username", "admin").formParam("password", "wrong")
                .when().post("/cameras/test").then().statusCode(200).body(containsString("id=\"test-failed\"")).body(containsString("wrong user name or password"));
        admin.form().formParam("onvifAddress", camera.deviceService()).formParam("username", "admin").formParam("password", OnvifResponder.PASSWORD)
                .when().post("/cameras/test").then().statusCode(200).body(containsString("id=\"test-ok\"")).body(containsString("Happytimesoft"))
                .body(containsString("ProfileToken_2"));

        long id = registerThroughTheForm(admin, "页面登记球机 " + System.nanoTime());
        admin.page().when().get("/cameras/" + id + "?done=saved").then().statusCode(200).body(containsString("已保存"))
                .body(not(containsString(OnvifResponder.PASSWORD + "\""))).body(containsString("id=\"probe\""));
        admin.page().when().post("/cameras/" + id + "/probe").then().statusCode(303);
        admin.page().when().get("/cameras/" + id + "?done=probed").then().statusCode(200).body(containsString("Happytimesoft"))
                .body(containsString("rtsp://127.0.0.1:554/test.mp4")).body(containsString("/api/cameras/" + id + "/snapshot"))
                .body(containsString("市场门口")).body(containsString("/cameras/" + id + "/presets/2/goto"));
        camera.clear();
        WebSession.signIn("acceptor").page().when().post("/cameras/" + id + "/presets/2/goto").then().statusCode(303)
                .header("Location", containsString("done=moved"));
        assertEquals("2", camera.received("GotoPreset").get(0).text("PresetToken"));
        WebSession.signIn("inspector").page().when().post("/cameras/" + id + "/presets/2/goto").then().statusCode(403);

        admin.form().formParam("name", "市场门口").formParam("lat", String.valueOf(CameraApiTest.LAT + 0.001)).formParam("lon", String.valueOf(CameraApiTest.LON))
                .when().post("/cameras/" + id + "/presets/2").then().statusCode(303).header("Location", containsString("done=saved"));
        admin.form().formParam("lat", "39.9").formParam("lon", "116.4").when().post("/cameras/" + id + "/presets/2").then().statusCode(303)
                .header("Location", containsString("failed="));
        admin.page().when().get("/cameras/" + id).then().body(containsString(String.valueOf(CameraApiTest.LAT + 0.001)));
        WebSession.signIn("acceptor").form().formParam("lat", "35.66").when().post("/cameras/" + id + "/presets/2").then().statusCode(403);
        admin.page().when().get("/cameras/" + id + "/edit").then().statusCode(200).body(containsString("留空则保留原密码"));
        admin.form().formParam("name", "<b>坏</b>").formParam("lat", "north").when().post("/cameras/" + id).then().statusCode(400)
                .body(containsString("field-error")).body(containsString("&lt;b&gt;坏&lt;/b&gt;"));
    }

    @Test
    void aCasePageLoadsNearbyCamerasThatAttachSnapshots() {
        long id = registerThroughTheForm(WebSession.signIn("admin"), "案卷附近 " + System.nanoTime());
        WebSession.signIn("admin").page().when().post("/cameras/" + id + "/probe").then().statusCode(303);
        long caseId = Cases.report("inspector", "INSPECTOR", null, CameraApiTest.LAT + 0.0005, CameraApiTest.LON);
        WebSession inspector = WebSession.signIn("inspector");
        inspector.page().when().get("/cases/" + caseId).then().statusCode(200).body(containsString("hx-get=\"/cameras/near-case/" + caseId + "\""));
        inspector.page().when().get("/cameras/near-case/" + caseId).then().statusCode(200).body(containsString("附近摄像机"))
                .body(containsString("/cameras/" + id + "\"")).body(containsString("抓拍取证")).body(not(containsString("id=\"look-at-case\"")));
        inspector.form().formParam("cameraId", String.valueOf(id)).when().post("/cameras/near-case/" + caseId + "/snapshot").then().statusCode(200)
                .body(containsString("id=\"snapshot-attached\""));
        Cases.get("inspector", caseId).body("attachments.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        WebSession.signIn("acceptor").page().when().post("/cameras/near-case/" + caseId + "/look").then().statusCode(200)
                .body(containsString("alert error")); // the camera's presets have no positions yet
    }
}
