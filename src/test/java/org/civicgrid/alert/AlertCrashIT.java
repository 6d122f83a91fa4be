package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.civicgrid.testsupport.DataDirs;
import org.junit.jupiter.api.Test;

/**
 * The crash test of issue #7: the packaged appliance ({@code target/quarkus-app/quarkus-run.jar}) is killed with
 * {@code kill -9} while 1,000 QoS 1 alerts are in flight through the real Mosquitto (127.0.0.1:1883), then started
 * again on the same data: every published alert is stored exactly once, and every raised case exists.
 */
class AlertCrashIT {

    private static final int ALERTS = 1000;
    private final String run = "crash" + UUID.randomUUID().toString().substring(0, 8);
    private final Path dir = Path.of("target/crash-it");

    @Test
    void killedMidStreamAndRestartedEveryAlertIsStoredExactlyOnce() throws Exception {
        DataDirs.wipe(dir);
        Files.createDirectories(dir);
        Process app = start("first");
        awaitLog("first", "MQTT link up", Duration.ofSeconds(90), app);
        List<Integer> killedAt = new ArrayList<>();
        try (MqttTestClient device = new MqttTestClient(1883)) {
            for (int i = 0; i < ALERTS; i++) {
                // 40 spots: the first alert at a spot raises a case (auto-filed), the rest merge into it
                double lat = 35.640 + (i % 40) * 0.001;
                device.publish(run + "/alerts/cam-" + (i % 7), "{\"alertId\":\"a-" + i + "\",\"kind\":\"camera\",\"classCode\":\"incident:0406\","
                        + "\"confidence\":0.9,\"lat\":" + lat + ",\"lon\":117.27}");
                if (killedAt.isEmpty() && i >= 300 && stored() >= 100) {
                    app.destroyForcibly().waitFor(); // kill -9 with alerts in flight
                    killedAt.add(i);
                }
            }
        }
        if (killedAt.isEmpty()) {
            app.destroyForcibly().waitFor();
            killedAt.add(ALERTS);
        }
        long before = stored();
        assertTrue(before < ALERTS, "the kill came while alerts were still in flight (" + before + " stored)");
        System.out.printf("AlertCrashIT: killed after publishing %d alerts, %d stored at the kill%n", killedAt.get(0), before);
        Process again = start("second");
        try {
            Instant until = Instant.now().plus(Duration.ofSeconds(120));
            while (stored() < ALERTS && Instant.now().isBefore(until) && again.isAlive()) {
                Thread.sleep(250);
            }
            assertEquals(ALERTS, stored(), "every published alert stored (killed after publishing " + killedAt.get(0) + ", " + before + " stored then)");
            assertEquals(0, number("SELECT count(*) - count(DISTINCT source_id) FROM alert_message WHERE source = 'GENERIC'"));
            assertEquals(ALERTS, number("SELECT count(*) FROM alert_message WHERE source = 'GENERIC' AND outcome IN ('CREATED', 'MERGED')"));
            long created = number("SELECT count(*) FROM alert_message WHERE source = 'GENERIC' AND outcome = 'CREATED'");
            assertEquals(created, number("SELECT count(*) FROM case_file WHERE source = 'CAMERA'"), "one case per CREATED alert, none half-made");
            assertEquals(ALERTS - created, number("SELECT coalesce(sum(repeat_count), 0) FROM case_file WHERE source = 'CAMERA'"),
                    "every MERGED alert counted once as a repeat");
        } finally {
            again.destroy();
            again.waitFor();
        }
    }

    private Process start(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port, "-Dcivicgrid.data-dir=" + dir.toAbsolutePath(), "-Dcivicgrid.site-id=" + run,
                "-Dcivicgrid.mqtt.port=1883", "-Dcivicgrid.mqtt.embedded=false", "-Dcivicgrid.mqtt.client-id=civicgrid-" + run, "-Dcivicgrid.mqtt.generic-prefix=" + run + "/alerts",
                "-Dcivicgrid.mqtt.frigate-prefix=" + run + "/frigate", "-Dcivicgrid.mqtt.dji-prefix=" + run + "/thing/product",
                "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(dir.toFile(), name + ".log")).start();
    }

    private void awaitLog(String name, String text, Duration max, Process app) throws Exception {
        Instant until = Instant.now().plus(max);
        Path log = dir.resolve(name + ".log");
        while (Instant.now().isBefore(until)) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            if (!app.isAlive()) {
                throw new AssertionError("the app stopped: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' in " + log + " within " + max);
    }

    private long stored() throws SQLException {
        Path db = dir.resolve("civicgrid.db");
        if (!Files.exists(db)) {
            return 0;
        }
        try {
            return number("SELECT count(*) FROM alert_message WHERE source = 'GENERIC'");
        } catch (SQLException e) {
            return 0; // not migrated yet
        }
    }

    private long number(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("civicgrid.db") + "?busy_timeout=5000");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
