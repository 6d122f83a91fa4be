package org.civicgrid.alert;

import static org.civicgrid.testsupport.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.civicgrid.testsupport.DataDirs;
import org.civicgrid.testsupport.Store;
import org.junit.jupiter.api.Test;

/**
 * A box without Mosquitto: the appliance starts its built-in broker on a free port, its own link connects to it, and a
 * device publishing there raises a case; the broker keeps its sessions in the data directory.
 */
@QuarkusTest
@TestProfile(EmbeddedBrokerTest.NoMosquitto.class)
class EmbeddedBrokerTest {

    /** A port nobody listens on (not Mosquitto's 1883, not the restart test's range). */
    static int port() {
        return 30000 + (int) (ProcessHandle.current().pid() % 8000);
    }

    public static class NoMosquitto implements QuarkusTestProfile {
        static final String DIR = "target/test-embedded-broker";

        @Override
        public Map<String, String> getConfigOverrides() {
            DataDirs.wipe(Path.of(DIR));
            return Map.of("civicgrid.data-dir", DIR, "civicgrid.mqtt.enabled", "true", "civicgrid.mqtt.embedded", "true",
                    "civicgrid.mqtt.port", String.valueOf(port()), "civicgrid.mqtt.client-id", "civicgrid-embedded-test");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EmbeddedBroker broker;

    @Test
    void aDevicePublishingToTheBuiltInBrokerRaisesACase() {
        assertTrue(broker.running(), "the built-in broker runs when no broker answers on the port");
        AlertBrokerRestartTest.awaitConnectedTo(port());
        try (MqttTestClient device = new MqttTestClient(port())) {
            device.publish("civicgrid/alerts/cam-e", "{\"alertId\":\"e-1\",\"classCode\":\"incident:0406\",\"confidence\":0.9,"
                    + "\"lat\":35.645,\"lon\":117.281}");
        }
        Instant until = Instant.now().plusSeconds(30);
        String outcome = null;
        while (Instant.now().isBefore(until)) {
            outcome = Store.single(dataSource, "SELECT coalesce(max(outcome), '') FROM alert_message WHERE source_id = 'cam-e/e-1'");
            if (!outcome.isEmpty()) {
                break;
            }
            AlertMqttTest.sleep(200);
        }
        assertEquals("CREATED", outcome);
        assertEquals("1", Store.single(dataSource, "SELECT count(*) FROM alert_message a JOIN case_file c ON c.id = a.case_id "
                + "WHERE a.source_id = 'cam-e/e-1'"));
        assertTrue(Files.isDirectory(Path.of(NoMosquitto.DIR, "mqtt")), "sessions are kept in the data directory");
    }

    @Test
    void theBuiltInBrokerRefusesAnOversizedMessageAndIntakeGoesOn() throws Exception {
        AlertBrokerRestartTest.awaitConnectedTo(port());
        Path huge = Files.createTempFile("huge-alert", ".json");
        try {
            Files.writeString(huge, "{\"alertId\":\"e-huge\",\"label\":\"x\",\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
            Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port()), "-q", "1", "-t", "civicgrid/alerts/cam-e",
                    "-f", huge.toString()).redirectErrorStream(true).start();
            assertTrue(pub.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "the publisher was answered (refused), not left hanging");
        } finally {
            Files.deleteIfExists(huge);
        }
        try (MqttTestClient device = new MqttTestClient(port())) {
            device.publish("civicgrid/alerts/cam-e", "{\"alertId\":\"e-2\",\"classCode\":\"incident:0406\",\"confidence\":0.9,"
                    + "\"lat\":35.648,\"lon\":117.284}");
        }
        org.civicgrid.testsupport.Await.until("the alert after the refused one stored",
                () -> !Store.single(dataSource, "SELECT coalesce(max(outcome), '') FROM alert_message WHERE source_id = 'cam-e/e-2'").isEmpty());
        assertEquals("CREATED", Store.single(dataSource, "SELECT outcome FROM alert_message WHERE source_id = 'cam-e/e-2'"));
        assertEquals("0", Store.single(dataSource, "SELECT count(*) FROM alert_message WHERE source_id = 'cam-e/e-huge'"),
                "refused at the broker (civicgrid.mqtt.broker-max-message-bytes), never delivered");
    }
}
