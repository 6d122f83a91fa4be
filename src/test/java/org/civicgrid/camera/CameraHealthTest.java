package org.civicgrid.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.MisbehavingServer;
import org.civicgrid.testsupport.MisbehavingServer.Mode;
import org.civicgrid.testsupport.OnvifResponder;
import org.junit.jupiter.api.Test;

/** 在线巡检 against misbehaving devices: only a valid ONVIF answer is 在线, and a hanging camera does not hold up the others. */
@QuarkusTest
class CameraHealthTest {

    @Inject
    CameraHealthCheck healthCheck;

    private static long register(String name, String address) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name + " " + System.nanoTime(), "onvifAddress", address, "username", OnvifResponder.USER,
                "password", OnvifResponder.PASSWORD, "lat", CameraApiTest.LAT, "lon", CameraApiTest.LON));
        return Api.as("admin").body(body).when().post("/api/cameras").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Camera stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Camera.<Camera>findById(id));
    }

    @Test
    void aWebServerOrGarbageIsNotOnlineAndAHangingCameraDelaysNoOther() {
        try (MisbehavingServer silent = new MisbehavingServer(Mode.SILENT_AFTER_HEADERS); MisbehavingServer web = new MisbehavingServer(Mode.WEB_PAGE);
                MisbehavingServer garbage = new MisbehavingServer(Mode.GARBAGE); OnvifResponder good = new OnvifResponder(Clock.systemUTC())) {
            long hanging = register("挂起的设备", silent.deviceService());
            long webServer = register("网页服务器", web.base());
            long garbled = register("乱码端口", garbage.deviceService());
            long camera = register("正常摄像机", good.deviceService());
            assertEquals(CameraHealth.DOWN, stored(hanging).health, "checked at once on save, ended by the deadline");

            healthCheck.checkAll();

            assertEquals(CameraHealth.FAULTY, stored(webServer).health);
            assertEquals(CameraHealth.FAULTY, stored(garbled).health);
            assertEquals(CameraHealth.UP, stored(camera).health);
            Camera slow = stored(hanging);
            assertEquals(CameraHealth.DOWN, slow.health);
            assertTrue(slow.healthMessage.contains("did not finish answering"), slow.healthMessage);
            assertTrue(stored(camera).checkedAt.isBefore(slow.checkedAt),
                    "the camera registered after the hanging one was checked beside it, not after its deadline");
            Api.as("admin").when().get("/api/cameras/" + webServer).then().statusCode(200)
                    .body("health", org.hamcrest.Matchers.equalTo("FAULTY"));
            assertTrue(CameraHealth.FAULTY.alarming(), "drawn red, not green");
        }
    }
}
