package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.civicgrid.testsupport.DataDirs;
import org.junit.jupiter.api.Test;

/**
 * 安装包 — the release bundle built from {@code target/quarkus-app} by {@code installer/make-bundle.sh} installs with no
 * network ({@code install.sh --prefix <tmp> --no-systemd} inside {@code unshare -n}); its Mosquitto config runs a private
 * broker on a free port with the generated accounts and ACL; the installed app (as the service user) reaches
 * {@code /q/health/ready}, receives a device's alert, stops without ERROR; installing again upgrades it and keeps data,
 * settings and broker accounts; the unit passes {@code systemd-analyze verify}; uninstall keeps the data. The installed
 * app answers HTTPS with the certificate the installer generated (SAN 127.0.0.1), redirects plain HTTP to HTTPS and
 * marks its cookies {@code Secure}. A backup taken by the CLI while a device streams alerts restores to the same alert and
 * case counts and passes integrity_check.
 */
class BundleInstallIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private final Path dir = ROOT.resolve("target/bundle-it");
    private final Path prefix = dir.resolve("opt");
    private final Path conf = prefix.resolve("etc");
    private final Path data = prefix.resolve("data");
    private final List<String> notes = new ArrayList<>();

    @Test
    void theBundleInstallsOfflineRunsWithItsBrokerAndUpgradesKeepingTheData() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "install.sh creates a system user and needs root");
        DataDirs.wipe(dir);
        Files.createDirectories(dir);
        Instant t0 = Instant.now();
        run(Duration.ofMinutes(15), ROOT.resolve("installer/make-bundle.sh").toString(), "--no-build", "--no-tar");
        Path bundle = Files.list(ROOT.resolve("target/bundle")).filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("civicgrid-"))
                .findFirst().orElseThrow();
        assertTrue(Files.isExecutable(bundle.resolve("runtime/bin/java")), "the bundle carries its jlinked runtime");
        String modules = Files.readString(bundle.resolve("runtime/release"));
        assertFalse(modules.contains("jdk.jshell") || modules.contains("java.smartcardio"), "only the modules the app needs: " + modules);
        notes.add("bundle built in " + Duration.between(t0, Instant.now()).toSeconds() + " s");

        int mqttPort = freePort();
        Path devices = dir.resolve("devices.conf");
        Files.writeString(devices, "# test site\ngeneric cam-it-01\nfrigate frigate\n");
        Instant t1 = Instant.now();
        String first = install(bundle, mqttPort, devices);
        notes.add("install took " + Duration.between(t1, Instant.now()).toSeconds() + " s");
        assertTrue(first.contains("/setup?code="), "the admin's one-time setup link is printed: " + first);
        String code = Files.readString(data.resolve("setup-token")).trim();
        assertTrue(first.contains("/setup?code=" + code), first);
        assertEquals("rw-------", mode(data.resolve("setup-token")));
        assertEquals("rw-------", mode(conf.resolve("secrets.env")));
        assertEquals("rw-------", mode(conf.resolve("mosquitto/accounts")));
        assertEquals("rw-r-----", mode(conf.resolve("site.properties")));
        assertEquals("rwxr-x---", mode(data));
        String broker = Files.readString(conf.resolve("mosquitto/civicgrid.conf"));
        assertTrue(broker.contains("max_queued_messages 60000") && broker.contains("persistence true")
                && broker.contains("allow_anonymous false") && broker.contains("message_size_limit 1048576"), broker);
        String acl = Files.readString(conf.resolve("mosquitto/acl"));
        assertTrue(acl.contains("user cam-it-01\ntopic write civicgrid/alerts/cam-it-01\n"), acl);
        assertEquals("rw-r-----", mode(conf.resolve("tls/site.key")), "the TLS key is readable by the service group only");
        assertTrue(first.contains("https://") && first.contains("self-signed"), first);

        Process mosquitto = startBroker();
        try {
            Process app = startApp(freePort(), "first.log");
            awaitReady(app, "first.log");
            awaitLog(app, "first.log", "MQTT link up");
            checkHttps(app);
            signInOverHttps(app, code);
            publishAs("cam-it-01", "civicgrid/alerts/cam-other", "a-denied");   // another device's topic: the ACL drops it
            publishAs("cam-it-01", "civicgrid/alerts/cam-it-01", "a-own");
            awaitRows("SELECT count(*) FROM alert_message WHERE source_id = 'cam-it-01/a-own'", 1);
            assertEquals(0, number("SELECT count(*) FROM alert_message WHERE source_id LIKE '%a-denied'"), "the ACL keeps a device to its own topics");
            String cli = prefix.resolve("bin/civicgrid").toString();
            // import-grids goes to the running service over HTTPS, trusting exactly the installed certificate
            Path grids = dir.resolve("grids.csv");
            Files.writeString(grids, "code,name,wkt\n370831001001001,x,\"POLYGON ((117.26 35.66, 117.261 35.66, 117.261 35.661, 117.26 35.66))\"\n");
            String imported = cliWithStdin("Quiet-harbour-4821\n", Map.of("CIVICGRID_URL", "https://127.0.0.1:" + (ports.get(app) + 1)),
                    cli, "import-grids", grids.toString(), "--user", "itadmin");
            assertTrue(imported.contains("imported 0 of 1 grids") && imported.contains("no community 370831001001"),
                    "the import reached the service over HTTPS and its checks answered: " + imported);
            // the backup is taken while a device streams alerts (until the backup command returns)
            Process stream = streamAs("cam-it-01");
            AtomicBoolean backingUp = new AtomicBoolean(true);
            AtomicInteger streamed = new AtomicInteger();
            Thread device = new Thread(() -> feed(stream, backingUp, streamed), "bundle-it-device");
            device.start();
            awaitRows("SELECT min(1, count(*)) FROM alert_message WHERE source_id LIKE 'cam-it-01/s-%'", 1);
            long streamBefore = number("SELECT count(*) FROM alert_message");
            String backedUp;
            try {
                backedUp = run(Duration.ofMinutes(2), cli, "backup", "--settings", conf.resolve("site.properties").toString());
            } finally {
                backingUp.set(false);
                device.join();
            }
            long streamAfter = number("SELECT count(*) FROM alert_message");
            assertTrue(backedUp.contains("bytes"), "the operator CLI backs up the running appliance: " + backedUp);
            assertTrue(stream.waitFor(1, TimeUnit.MINUTES) && stream.exitValue() == 0, "the device's stream ended cleanly");
            awaitRows("SELECT count(*) FROM alert_message WHERE source_id LIKE 'cam-it-01/s-%'", streamed.get());
            String listed = run(Duration.ofMinutes(2), cli, "list");
            assertTrue(listed.startsWith("civicgrid-"), listed);
            stop(app);
            assertTrue(run(Duration.ofMinutes(2), cli, "check").contains("integrity_check: ok"));
            Path backup = data.resolve("backups").resolve(listed.substring(0, listed.indexOf(' ')));
            assertTrue(run(Duration.ofMinutes(2), cli, "restore", backup.toString(), data.resolve("restore-check").toString())
                    .contains("integrity_check: ok"));
            Path restoredDb = data.resolve("restore-check/civicgrid.db");
            long restoredAlerts = number(restoredDb, "SELECT count(*) FROM alert_message");
            assertEquals(number(backup.resolve("civicgrid.db"), "SELECT count(*) FROM alert_message"), restoredAlerts, "identical alert count");
            assertEquals(number(backup.resolve("civicgrid.db"), "SELECT count(*) FROM case_file"), number(restoredDb, "SELECT count(*) FROM case_file"),
                    "identical case count");
            assertTrue(streamBefore <= restoredAlerts && restoredAlerts <= streamAfter, streamBefore + " <= " + restoredAlerts + " <= " + streamAfter);
            notes.add("backup during a stream of " + streamed.get() + " alerts: " + streamBefore + " stored when it began, " + restoredAlerts
                    + " in the restored backup, " + streamAfter + " when it ended; integrity_check ok");
            assertTrue(Files.exists(backup.resolve("settings/site.properties")) && Files.exists(backup.resolve("site.key")), "settings and key backed up");
            assertTrue(run(Duration.ofMinutes(1), cli, "--help").contains("restore BACKUP NEW-DATA-DIR"));
            assertTrue(run(Duration.ofMinutes(2), cli, "export", "--format", "json", "--out", data.resolve("export.json").toString())
                    .contains("cases exported"), "the CLI's export runs on the bundled runtime");
            String log = Files.readString(dir.resolve("first.log"));
            assertFalse(log.contains(" ERROR "), "no ERROR in the log of a normal run and stop:\n" + log);
            assertTrue(Files.size(data.resolve("app-cds.jsa")) > 0, "the first stop wrote the AppCDS archive");
            long alerts = number("SELECT count(*) FROM alert_message");
            long migrations = number("SELECT count(*) FROM flyway_schema_history");
            String accounts = Files.readString(conf.resolve("mosquitto/accounts"));
            String secrets = Files.readString(conf.resolve("secrets.env"));
            String site = Files.readString(conf.resolve("site.properties"));

            // the upgrade brings the site's own certificate (--cert/--key); a key of another certificate is refused first
            Path siteCert = dir.resolve("site-own.crt");
            Path siteKey = dir.resolve("site-own.key");
            run(Duration.ofMinutes(1), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=civicgrid.county.example",
                    "-addext", "subjectAltName=DNS:civicgrid.county.example,IP:127.0.0.1", "-keyout", siteKey.toString(), "-out", siteCert.toString());
            Path otherKey = dir.resolve("other.key");
            run(Duration.ofMinutes(1), "openssl", "genpkey", "-algorithm", "RSA", "-out", otherKey.toString());
            assertTrue(installFails(bundle, mqttPort, devices, "--cert", siteCert.toString(), "--key", otherKey.toString())
                    .contains("is not the private key of"), "a key that does not match the certificate is refused");
            String again = install(bundle, mqttPort, devices, "--cert", siteCert.toString(), "--key", siteKey.toString());
            assertTrue(again.contains("upgraded"), again);
            assertEquals(Files.readString(siteCert), Files.readString(conf.resolve("tls/site.crt")), "the site's certificate is installed");
            assertFalse(Files.exists(conf.resolve("tls/self-signed")));
            assertEquals(accounts, Files.readString(conf.resolve("mosquitto/accounts")), "broker accounts kept");
            assertEquals(secrets, Files.readString(conf.resolve("secrets.env")), "secrets kept");
            assertEquals(site, Files.readString(conf.resolve("site.properties")), "settings kept");
            assertFalse(Files.exists(data.resolve("app-cds.jsa")), "the upgrade drops the archive made for the old app");
            Process upgraded = startApp(freePort(), "second.log");
            awaitReady(upgraded, "second.log");
            assertEquals(alerts, number("SELECT count(*) FROM alert_message"), "data kept");
            assertEquals(migrations, number("SELECT count(*) FROM flyway_schema_history"));
            assertEquals("ok", text("PRAGMA integrity_check"));
            stop(upgraded);
        } finally {
            mosquitto.destroy();
            mosquitto.waitFor(30, TimeUnit.SECONDS);
        }

        if (new File("/usr/bin/systemd-analyze").canExecute()) {
            run(Duration.ofMinutes(2), "/usr/bin/systemd-analyze", "verify", prefix.resolve("installer/civicgrid.service").toString());
            notes.add("systemd-analyze verify: ok");
        } else {
            notes.add("systemd-analyze not installed: unit not verified");
        }
        run(Duration.ofMinutes(2), prefix.resolve("installer/uninstall.sh").toString(), "--prefix", prefix.toString());
        assertFalse(Files.exists(prefix.resolve("app")), "uninstall removes the application");
        assertTrue(Files.exists(data.resolve("civicgrid.db")) && Files.exists(conf.resolve("site.properties")), "and keeps data and settings");
        System.out.println("BundleInstallIT: " + String.join("; ", notes));
    }

    /** install.sh from the bundle, without network when {@code unshare -n} works here (it does as root on Linux). */
    private String install(Path bundle, int mqttPort, Path devices, String... more) throws Exception {
        return run(Duration.ofMinutes(5), installCommand(bundle, mqttPort, devices, more));
    }

    /** install.sh with arguments it must refuse: its output (it exits non-zero). */
    private String installFails(Path bundle, int mqttPort, Path devices, String... more) throws Exception {
        Process p = new ProcessBuilder(installCommand(bundle, mqttPort, devices, more)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() != 0, "install.sh should have refused:\n" + output);
        return output;
    }

    private String[] installCommand(Path bundle, int mqttPort, Path devices, String... more) {
        List<String> command = new ArrayList<>();
        if (works("unshare", "-n", "true")) {
            command.addAll(List.of("unshare", "-n"));
        } else {
            String note = "unshare -n unavailable: installed WITH network access (offline install not proven on this machine)";
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        command.addAll(List.of(bundle.resolve("installer/install.sh").toString(), "--prefix", prefix.toString(), "--no-systemd",
                "--mqtt-port", String.valueOf(mqttPort), "--devices", devices.toString()));
        command.addAll(List.of(more));
        return command.toArray(String[]::new);
    }

    /** A private Mosquitto: Debian's stock main config (persistence, include_dir) around the bundle's civicgrid.conf. */
    private Process startBroker() throws Exception {
        Path store = dir.resolve("mosquitto");
        Files.createDirectories(store);
        run(Duration.ofSeconds(30), "chown", "mosquitto", store.toString());
        Path main = dir.resolve("mosquitto.conf");
        Files.writeString(main, "persistence true\npersistence_location " + store + "/\ninclude_dir " + conf.resolve("mosquitto") + "\n");
        Process p = new ProcessBuilder("/usr/sbin/mosquitto", "-c", main.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        awaitLog(p, "mosquitto.log", "running");
        return p;
    }

    /** The installed launcher as the service user, with the secrets systemd would pass from secrets.env. */
    private Process startApp(int httpPort, String log) throws IOException {
        while (!free(httpPort + 1)) {
            httpPort = freePort();
        }
        ProcessBuilder pb = new ProcessBuilder("setpriv", "--reuid", "civicgrid", "--regid", "civicgrid", "--init-groups", "--",
                prefix.resolve("bin/civicgrid-server").toString(), "-Dquarkus.http.port=" + httpPort, "-Dquarkus.http.ssl-port=" + (httpPort + 1));
        pb.environment().putAll(envFile(conf.resolve("secrets.env")));
        pb.redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
        Process p = pb.start();
        ports.put(p, httpPort);
        return p;
    }

    private final Map<Process, Integer> ports = new HashMap<>();

    private void awaitReady(Process app, String log) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(6));
        while (Instant.now().isBefore(until)) {
            if (!app.isAlive()) {
                throw new AssertionError("the installed app stopped:\n" + Files.readString(dir.resolve(log)));
            }
            try {
                HttpURLConnection c = https(app, "/q/health/ready");
                c.setConnectTimeout(2000);
                c.setReadTimeout(10000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready in time:\n" + Files.readString(dir.resolve(log)));
    }

    /** HTTPS on the ssl port, trusting only the installer's certificate, checked against 127.0.0.1 (its SAN). */
    private HttpsURLConnection https(Process app, String path) throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream pem = Files.newInputStream(conf.resolve("tls/site.crt"))) {
                trust.setCertificateEntry("site", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpsURLConnection c = (HttpsURLConnection) URI.create("https://127.0.0.1:" + (ports.get(app) + 1) + path).toURL().openConnection();
            c.setSSLSocketFactory(tls.getSocketFactory());
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout(2000);
            c.setReadTimeout(10000);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private void checkHttps(Process app) throws IOException {
        HttpURLConnection plain = (HttpURLConnection) URI.create("http://127.0.0.1:" + ports.get(app) + "/setup").toURL().openConnection();
        plain.setInstanceFollowRedirects(false);
        int status = plain.getResponseCode();
        assertTrue(status == 301 || status == 302 || status == 307 || status == 308, "plain HTTP redirects, got " + status);
        assertEquals("https://127.0.0.1:" + (ports.get(app) + 1) + "/setup", plain.getHeaderField("Location"));
        HttpsURLConnection login = https(app, "/setup");
        assertEquals(200, login.getResponseCode(), "the setup page over HTTPS with the generated certificate");
        List<String> cookies = login.getHeaderFields().entrySet().stream().filter(h -> "Set-Cookie".equalsIgnoreCase(h.getKey()))
                .flatMap(h -> h.getValue().stream()).toList();
        assertFalse(cookies.isEmpty(), "the setup form sets its CSRF cookie: " + login.getHeaderFields());
        for (String cookie : cookies) {
            assertTrue(cookie.contains("; Secure") || cookie.contains(";Secure"), "cookie without Secure: " + cookie);
        }
        notes.add("HTTPS: " + login.getCipherSuite() + ", HTTP " + status + " to HTTPS, cookies Secure");
    }

    /**
     * The one-time setup link and the first sign-in over HTTPS: the session cookies (Quarkus' form session and the
     * server-side session id) come back {@code Secure} as well.
     */
    private void signInOverHttps(Process app, String code) throws IOException {
        String[] csrf = csrf(https(app, "/setup"));
        HttpsURLConnection setup = post(app, "/setup", csrf, Map.of("token", code, "countyCode", "370831", "countyName", "泗水县",
                "username", "itadmin", "displayName", "安装测试管理员", "password", "Quiet-harbour-4821", "password2", "Quiet-harbour-4821"));
        assertEquals(303, setup.getResponseCode(), "the first administrator is set up over HTTPS");
        csrf = csrf(https(app, "/login"));
        HttpsURLConnection login = post(app, "/j_security_check", csrf, Map.of("j_username", "itadmin", "j_password", "Quiet-harbour-4821"));
        assertEquals(302, login.getResponseCode());
        assertFalse(String.valueOf(login.getHeaderField("Location")).contains("error"), "signed in: " + login.getHeaderField("Location"));
        List<String> cookies = cookies(login);
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("civicgrid-session=")), "the session cookie: " + cookies);
        for (String cookie : cookies) {
            assertTrue(cookie.contains("; Secure") || cookie.contains(";Secure"), "cookie without Secure: " + cookie);
        }
        notes.add("setup and sign-in over HTTPS: " + cookies.stream().map(c -> c.substring(0, c.indexOf('='))).toList() + " Secure");
    }

    /** The page's CSRF cookie value and form token. */
    private static String[] csrf(HttpsURLConnection page) throws IOException {
        assertEquals(200, page.getResponseCode());
        String html = new String(page.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(field.find(), "the form carries its CSRF token");
        String cookie = cookies(page).stream().filter(c -> c.startsWith("civicgrid-csrf=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow();
        return new String[] {cookie, field.group(1)};
    }

    private HttpsURLConnection post(Process app, String path, String[] csrf, Map<String, String> form) throws IOException {
        HttpsURLConnection c = https(app, path);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        c.setRequestProperty("Cookie", csrf[0]);
        StringBuilder body = new StringBuilder("csrf-token=" + java.net.URLEncoder.encode(csrf[1], java.nio.charset.StandardCharsets.UTF_8));
        form.forEach((k, v) -> body.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        c.getOutputStream().write(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return c;
    }

    private static List<String> cookies(HttpURLConnection c) {
        return c.getHeaderFields().entrySet().stream().filter(h -> "Set-Cookie".equalsIgnoreCase(h.getKey()))
                .flatMap(h -> h.getValue().stream()).toList();
    }

    private void awaitLog(Process p, String log, String text) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        Path file = dir.resolve(log);
        while (Instant.now().isBefore(until)) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError(log + " ended without '" + text + "':\n" + Files.readString(file));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' in " + file);
    }

    private void awaitRows(String sql, long expected) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (number(sql) < expected && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertEquals(expected, number(sql), sql);
    }

    private void publishAs(String device, String topic, String alertId) throws Exception {
        String password = Files.readAllLines(conf.resolve("mosquitto/accounts")).stream().filter(l -> l.startsWith(device + ":"))
                .map(l -> l.substring(device.length() + 1)).findFirst().orElseThrow();
        int port = Integer.parseInt(envFile(conf.resolve("site.properties")).get("civicgrid.mqtt.port"));
        run(Duration.ofSeconds(30), "mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-u", device, "-P", password, "-q", "1",
                "-t", topic, "-m", "{\"alertId\":\"" + alertId + "\",\"classCode\":\"incident:0406\",\"confidence\":0.9,\"lat\":35.641,\"lon\":117.281}");
    }

    /** The installed CLI with text on its standard input and extra environment; its output (exit code 0 or 1). */
    private String cliWithStdin(String stdin, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() <= 1, String.join(" ", command) + ":\n" + output);
        return output;
    }

    /** mosquitto_pub reading one alert per line from its standard input, as the given device. */
    private Process streamAs(String device) throws IOException {
        String password = Files.readAllLines(conf.resolve("mosquitto/accounts")).stream().filter(l -> l.startsWith(device + ":"))
                .map(l -> l.substring(device.length() + 1)).findFirst().orElseThrow();
        int port = Integer.parseInt(envFile(conf.resolve("site.properties")).get("civicgrid.mqtt.port"));
        return new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-u", device, "-P", password, "-q", "1",
                "-t", "civicgrid/alerts/" + device, "-l").redirectErrorStream(true).redirectOutput(dir.resolve("stream.log").toFile()).start();
    }

    /** Feeds the stream in bursts of 10 alerts, paced, while {@code flowing}; then closes it. */
    private static void feed(Process stream, AtomicBoolean flowing, AtomicInteger sent) {
        try (java.io.Writer w = new java.io.OutputStreamWriter(stream.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            while (flowing.get() || sent.get() < 20) {
                for (int i = 0; i < 10; i++) {
                    w.write("{\"alertId\":\"s-" + sent.incrementAndGet() + "\",\"classCode\":\"incident:0406\",\"confidence\":0.9,"
                            + "\"lat\":35.641,\"lon\":117.281}\n");
                }
                w.flush();
                Thread.sleep(20); // pacing the device (~500 alerts/s), not waiting for a result
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the device's stream broke", e);
        }
    }

    private static void stop(Process app) throws Exception {
        app.destroy();
        assertTrue(app.waitFor(5, TimeUnit.MINUTES), "the app stops on SIGTERM");
    }

    private long number(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private static long number(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=5000");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("civicgrid.db") + "?busy_timeout=5000");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return env;
    }

    private static String mode(Path p) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static boolean works(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String run(Duration max, String... command) throws Exception {
        Path out = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(max.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + max + ":\n" + Files.readString(out));
        }
        String output = Files.readString(out);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }
}
