package org.civicgrid.alert;

import static org.civicgrid.testsupport.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.civicgrid.testsupport.DataDirs;
import org.civicgrid.testsupport.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker restarts in the middle of an alert stream (its own {@code mosquitto} process, persistence on, as the
 * box's Mosquitto runs): the appliance reconnects to its persistent session and every alert is stored exactly once.
 */
@QuarkusTest
@TestProfile(AlertBrokerRestartTest.OwnBroker.class)
class AlertBrokerRestartTest {

    /** The port of this run's broker: the same in the profile's and the test's class loader. */
    static int port() {
        return 21000 + (int) (ProcessHandle.current().pid() % 8000);
    }

    public static class OwnBroker implements QuarkusTestProfile {
        static final String DIR = "target/test-alert-restart";

        @Override
        public Map<String, String> getConfigOverrides() {
            DataDirs.wipe(Path.of(DIR));
            return Map.of("civicgrid.data-dir", DIR, "civicgrid.mqtt.enabled", "true", "civicgrid.mqtt.port", String.valueOf(port()),
                    "civicgrid.mqtt.client-id", "civicgrid-restart-test");
        }
    }

    static Path brokerDir;
    static Process broker;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void startBroker() throws IOException {
        brokerDir = Files.createTempDirectory("civicgrid-mosquitto");
        Files.writeString(brokerDir.resolve("mosquitto.conf"), "listener " + port() + " 127.0.0.1\nallow_anonymous true\nuser root\n"
                + "persistence true\npersistence_location " + brokerDir + "/\nmax_queued_messages 100000\n");
        broker = startMosquitto();
    }

    static Process startMosquitto() throws IOException {
        Process p = new ProcessBuilder("/usr/sbin/mosquitto", "-c", brokerDir.resolve("mosquitto.conf").toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(brokerDir.toFile(), "mosquitto.log"))).start();
        AlertMqttTest.sleep(300);
        return p;
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            broker.waitFor();
        }
    }

    static void awaitConnected() {
        awaitConnectedTo(port());
    }

    static void awaitConnectedTo(int port) {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            if (as("acceptor").get("/api/alerts/status").then().extract().jsonPath().getBoolean("connected")) {
                return;
            }
            AlertMqttTest.sleep(200);
        }
        throw new AssertionError("the link did not connect to the test broker on " + port);
    }

    long stored() {
        return Long.parseLong(Store.single(dataSource, "SELECT count(*) FROM alert_message WHERE source_id LIKE 'cam-r/%'"));
    }

    @Test
    void aBrokerRestartMidStreamLosesNothing() throws Exception {
        awaitConnected();
        try (MqttTestClient device = new MqttTestClient(port())) {
            for (int i = 0; i < 200; i++) {
                device.publish("civicgrid/alerts/cam-r", "{\"alertId\":\"r-" + i + "\",\"classCode\":\"incident:0406\",\"confidence\":0.9,"
                        + "\"lat\":" + (35.641 + (i % 20) * 0.001) + ",\"lon\":117.281}");
            }
        }
        broker.destroy(); // a restart as systemd does it: SIGTERM, the broker saves its sessions
        broker.waitFor();
        long duringRestart = stored();
        broker = startMosquitto();
        awaitConnected();
        try (MqttTestClient device = new MqttTestClient(port())) {
            for (int i = 200; i < 400; i++) {
                device.publish("civicgrid/alerts/cam-r", "{\"alertId\":\"r-" + i + "\",\"classCode\":\"incident:0406\",\"confidence\":0.9,"
                        + "\"lat\":" + (35.641 + (i % 20) * 0.001) + ",\"lon\":117.281}");
            }
        }
        Instant until = Instant.now().plusSeconds(180); // generous: on a loaded 2-core box the redelivered backlog can take a minute
        while (stored() < 400 && Instant.now().isBefore(until)) {
            AlertMqttTest.sleep(200);
        }
        assertEquals(400, stored(), "all alerts stored (" + duringRestart + " were stored when the broker stopped)");
        assertEquals("0", Store.single(dataSource, "SELECT count(*) - count(DISTINCT source_id) FROM alert_message WHERE source_id LIKE 'cam-r/%'"));
        assertEquals("400", Store.single(dataSource, "SELECT count(*) FROM alert_message WHERE source_id LIKE 'cam-r/%' AND outcome IN ('CREATED', 'MERGED')"));
    }
}
