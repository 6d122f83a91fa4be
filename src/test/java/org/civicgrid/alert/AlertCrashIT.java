package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.testsupport.DataDirs;
import org.junit.jupiter.api.Test;

/**
 * The crash test: the packaged appliance ({@code target/quarkus-app/quarkus-run.jar}) is killed with {@code kill -9}
 * three times in one run, each time while it holds a backlog of messages received from the real Mosquitto
 * (127.0.0.1:1883) but not yet committed (the device streams from its own thread, paced, and the
 * appliance is killed at its first {@code civicgrid_alerts_uncommitted} gauge reading of {@value #MIN_BACKLOG} or more, or
 * half-way through the round at the latest; /q/metrics is read as the admin); an attempt where everything was committed by the kill does not
 * count and is repeated. After each restart on the same data
 * every published alert is stored exactly once and every raised case exists.
 * Each round publishes at most {@value #PER_ROUND} alerts, below stock Mosquitto's {@code max_queued_messages 1000}.
 */
class AlertCrashIT {

    private static final int PER_ROUND = 900;
    private static final int BURST = 20;
    /** Messages received and not committed that make a kill count (read between two batch commits). */
    private static final int MIN_BACKLOG = 1;
    private static final int KILLS = 3;
    private static final Pattern UNCOMMITTED = Pattern.compile("(?m)^civicgrid_alerts_uncommitted\\S*\\s+([0-9.]+)");
    private final String run = "crash" + UUID.randomUUID().toString().substring(0, 8);
    private final Path dir = Path.of("target/crash-it");
    private final HttpClient http = HttpClient.newHttpClient();

    /** What one kill left: published so far, stored at the kill, backlog seen just before it, and after the restart. */
    record Round(int kill, int published, long storedAtKill, int backlogSeen, long stored, long cases, long duplicates) {
    }

    @Test
    void killedThreeTimesWithABacklogEveryAlertIsStoredExactlyOnce() throws Exception {
        DataDirs.wipe(dir);
        Files.createDirectories(dir);
        int published = 0;
        List<Round> rounds = new ArrayList<>();
        App app = start("run-0");
        try (MqttTestClient device = new MqttTestClient(1883)) {
            for (int attempt = 1; rounds.size() < KILLS; attempt++) {
                assertTrue(attempt <= KILLS + 9, "no kill with a backlog in " + (attempt - 1) + " attempts: " + rounds);
                // the device streams the round's alerts from its own thread while this one watches the appliance's backlog and
                // kills it the moment the backlog shows: the stream is still flowing then, so the kill lands mid-intake
                // (reading the gauge after each burst let an idle box commit everything before the kill)
                uncommitted(app); // the first read after a start is slow: take it before the stream starts
                int roundStart = published;
                AtomicInteger sent = new AtomicInteger(published);
                Thread stream = new Thread(() -> {
                    while (sent.get() - roundStart < PER_ROUND) {
                        sent.set(burst(device, sent.get(), Math.min(BURST, PER_ROUND - (sent.get() - roundStart))));
                        pause(); // paced (~1,000 alerts/s): the appliance keeps up, so its backlog and the broker's queue stay small
                    }
                }, "crash-it-device");
                stream.start();
                // kill at the first sign of a received-but-uncommitted backlog, or half-way through the round at the latest
                // (an idle box can keep its backlog at 0 between two reads): the stream is still flowing either way
                int backlog = 0;
                while (backlog < MIN_BACKLOG && stream.isAlive() && sent.get() - roundStart < PER_ROUND / 2) {
                    backlog = uncommitted(app);
                }
                int publishedAtKill = sent.get();
                app.process.destroyForcibly().waitFor(); // kill -9 while messages are received but not committed
                long storedAtKill = stored();
                stream.join(); // the rest of the round is queued by the broker meanwhile
                published = sent.get();
                app = start("run-" + attempt);
                awaitStored(published, app);
                Round r = new Round(rounds.size() + 1, published, storedAtKill, backlog, stored(),
                        number("SELECT count(*) FROM case_file WHERE source = 'CAMERA'"),
                        number("SELECT count(*) - count(DISTINCT source_id) FROM alert_message WHERE source = 'GENERIC'"));
                // a kill counts when the gauge showed received-but-uncommitted alerts just before it, or when alerts published
                // before it were not committed by it (the device's count lags its in-flight burst, so either proves a backlog)
                boolean hit = backlog >= MIN_BACKLOG || storedAtKill < publishedAtKill;
                System.out.printf("AlertCrashIT %s: published %d at the kill, %d in all; stored at the kill %d (backlog %d received, uncommitted), after restart stored %d,"
                        + " cases %d, duplicates %d%n", hit ? "kill " + r.kill() : "attempt not counted (all committed by the kill)", publishedAtKill, r.published(), r.storedAtKill(),
                        r.backlogSeen(), r.stored(), r.cases(), r.duplicates());
                assertEquals(published, r.stored(), "every published alert stored: " + r);
                assertEquals(0, r.duplicates(), r.toString());
                long created = number("SELECT count(*) FROM alert_message WHERE source = 'GENERIC' AND outcome = 'CREATED'");
                assertEquals(published, number("SELECT count(*) FROM alert_message WHERE source = 'GENERIC' AND outcome IN ('CREATED', 'MERGED')"));
                assertEquals(created, r.cases(), "one case per CREATED alert, none half-made");
                assertEquals(published - created, number("SELECT coalesce(sum(repeat_count), 0) FROM case_file WHERE source = 'CAMERA'"),
                        "every MERGED alert counted once as a repeat");
                if (hit) {
                    rounds.add(r);
                }
            }
        } finally {
            app.process.destroy();
            app.process.waitFor();
        }
        assertEquals(KILLS, rounds.size());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes alerts {@code from} … {@code from + n - 1} as one burst; answers the next number. */
    private int burst(MqttTestClient device, int from, int n) {
        for (int cam = 0; cam < 7; cam++) {
            List<String> payloads = new ArrayList<>();
            for (int i = from; i < from + n; i++) {
                if (i % 7 == cam) {
                    payloads.add(payload(i));
                }
            }
            device.publishBurst(run + "/alerts/cam-" + cam, payloads);
        }
        return from + n;
    }

    private static String payload(int i) {
        // 40 spots: the first alert at a spot raises a case (auto-filed), the rest merge into it
        double lat = 35.640 + (i % 40) * 0.001;
        return "{\"alertId\":\"a-" + i + "\",\"kind\":\"camera\",\"classCode\":\"incident:0406\",\"confidence\":0.9,\"lat\":" + lat + ",\"lon\":117.27}";
    }

    private record App(Process process, int port) {
    }

    private App start(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port, "-Dcivicgrid.data-dir=" + dir.toAbsolutePath(), "-Dcivicgrid.site-id=" + run,
                "-Dcivicgrid.mqtt.port=1883", "-Dcivicgrid.demo-data.background=false", "-Dcivicgrid.demo-data.history=false", "-Dcivicgrid.mqtt.embedded=false", "-Dcivicgrid.mqtt.client-id=civicgrid-" + run,
                "-Dcivicgrid.mqtt.generic-prefix=" + run + "/alerts", "-Dcivicgrid.mqtt.frigate-prefix=" + run + "/frigate",
                "-Dcivicgrid.mqtt.dji-prefix=" + run + "/thing/product",
                "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(dir.toFile(), name + ".log")).start();
        App app = new App(p, port);
        awaitLog(name, "MQTT link up", Duration.ofSeconds(180), p);
        return app;
    }

    /** The appliance's count of messages received and not yet committed (0 when the app does not answer yet). */
    private int uncommitted(App app) {
        try {
            // metrics are for admins (HTTP Basic is accepted on /q/**); a refusal must fail the test, not read as "no backlog"
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/q/metrics")).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:civicgrid".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), "the admin reads /q/metrics");
            Matcher m = UNCOMMITTED.matcher(answer.body());
            return m.find() ? (int) Double.parseDouble(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void awaitStored(int expected, App app) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(240));
        while (stored() < expected && Instant.now().isBefore(until) && app.process().isAlive()) {
            Thread.sleep(250);
        }
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
