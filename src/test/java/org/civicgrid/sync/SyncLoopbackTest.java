package org.civicgrid.sync;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upward sync end to end over HTTP on loopback, this box being both the edge (SQLite) and a hub trying it out (the
 * hub tables and {@code /api/hub/v1} exist in every build): hub down → backlog and backoff; hub up → drained, each
 * case once with full history and its photo; a lost answer (the edge dying after the hub stored) → re-sent, still
 * once; a duplicate batch and a gap; 上级交办 down, handled, its closure up.
 */
@QuarkusTest
class SyncLoopbackTest {

    @Inject
    SyncRelay relay;

    @Inject
    SyncBatches batches;

    @Inject
    SyncLedger ledger;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    private String token;
    private String site;

    @BeforeEach
    void registerSite() {
        site = batches.siteId();
        token = Api.as("admin").body(Map.of("siteId", site, "name", "泗水县")).when().post("/api/hub/sites").then().statusCode(201)
                .body("siteId", equalTo(site)).extract().path("token");
    }

    private HubSender hub() {
        return new HttpHubSender("http://localhost:" + RestAssured.port, token, json, Duration.ofSeconds(30));
    }

    private HubSender down() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return new HttpHubSender("http://127.0.0.1:" + port, "x", json, Duration.ofSeconds(5));
    }

    /** Runs the relay until nothing waits (at least once: a run also announces attachments added since the last). */
    private void drain(HubSender sender) {
        for (int i = 0; i < 50; i++) {
            assertTrue(relay.run(sender) >= 0, "relay failed: " + ledger.state().lastError);
            if (ledger.backlog() == 0) {
                break;
            }
        }
        assertEquals(0, ledger.backlog());
    }

    @Test
    void casesMadeWhileTheHubIsDownArriveOnceWithHistoryAndPhotos() throws Exception {
        drain(hub());
        HubSender down = down();
        long closed = Cases.report("inspector", "INSPECTOR", "incident:0110", Cases.LAT, Cases.LON);
        Cases.afterPhoto("inspector", closed);
        Cases.act("inspector", closed, "selfHandle", Map.of("classCode", "incident:0110", "note", "已清理")).statusCode(200);
        assertEquals(-1, relay.run(down));
        Cases.act("shiftlead", closed, "close", Map.of()).statusCode(200);
        long open = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        assertEquals(-1, relay.run(down));

        Api.as("leader").when().get("/api/sync/status").then().statusCode(200).body("state", org.hamcrest.Matchers.oneOf("OFF", "FAILING"))
                .body("failures", equalTo(2)).body("lastError", notNullValue()).body("oldestPendingAt", notNullValue());
        assertTrue(ledger.backlog() >= 4);
        SyncState backingOff = ledger.state();
        assertTrue(backingOff.nextAttemptAt.isAfter(backingOff.lastErrorAt), "backs off");

        drain(hub());
        Api.as("admin").when().get("/api/sync/status").then().statusCode(200).body("backlog", equalTo(0)).body("failures", equalTo(0))
                .body("lagSeconds", equalTo(0));
        int history = Cases.get("admin", closed).extract().jsonPath().getList("history").size();
        Api.as("leader").when().get("/api/hub/cases/" + site + "/" + closed).then().statusCode(200)
                .body("state.stage", equalTo("CLOSED")).body("state.closedAt", notNullValue())
                .body("history", hasSize(history)).body("history.seq", equalTo(range(history)))
                .body("attachments", hasSize(1)).body("attachments[0].phase", equalTo("AFTER"));
        String sha = Store.single(dataSource, "select sha256 from case_attachment where case_id = " + closed);
        assertEquals("1", Store.single(dataSource, "select count(*) from hub_blob where sha256 = '" + sha + "'"));
        assertEquals(Store.single(dataSource, "select count(*) from outbox_entry where case_id = " + closed),
                Store.single(dataSource, "select count(*) from hub_event where site_id = '" + site + "' and edge_case_id = " + closed));
        Api.as("leader").when().get("/api/hub/cases/" + site + "/" + open).then().statusCode(200).body("state.stage", equalTo("REPORTED"));
        Api.as("admin").when().get("/api/hub/sites").then().statusCode(200)
                .body("find { it.siteId == '" + site + "' }.backlog", equalTo(0))
                .body("find { it.siteId == '" + site + "' }.lastContactAt", notNullValue());
    }

    @Test
    void aPhotoAddedWithoutAFurtherEventReachesTheHubEvenWhenItsFirstUploadFails() throws Exception {
        long id = Cases.report("inspector", "INSPECTOR", "incident:0110", Cases.LAT, Cases.LON);
        drain(hub());
        byte[] photo = uniqueJpeg();
        Api.as("inspector").contentType("multipart/form-data").multiPart("file", "more.jpg", photo, "image/jpeg").when()
                .post("/api/cases/" + id + "/attachments").then().statusCode(201);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
        HubSender real = hub();
        HubSender cutDuringUpload = new HubSender() {
            @Override
            public SyncProtocol.Ack send(SyncProtocol.Batch batch) {
                return real.send(batch);
            }

            @Override
            public void upload(String sha256, String contentType, Path file) {
                throw new SyncException("connection cut during the upload");
            }

            @Override
            public List<SyncProtocol.Assignment> assignments(long after) {
                return real.assignments(after);
            }
        };
        assertEquals(-1, relay.run(cutDuringUpload), "no transition follows the photo, yet the relay sends it");
        assertEquals("1", Store.single(dataSource, "select count(*) from hub_attachment where site_id = '" + site + "' and edge_case_id = " + id
                + " and sha256 = '" + sha + "'"), "the hub knows the photo by reference");
        assertEquals("0", Store.single(dataSource, "select count(*) from hub_blob where sha256 = '" + sha + "'"));
        drain(hub()); // the batch goes again (its answer was not recorded) and the hub asks again for the file
        assertEquals("1", Store.single(dataSource, "select count(*) from hub_blob where sha256 = '" + sha + "'"));
        Api.as("leader").when().get("/api/hub/cases/" + site + "/" + id).then().statusCode(200)
                .body("attachments.sha256", org.hamcrest.Matchers.hasItem(sha));
        assertEquals("1", Store.single(dataSource, "select count(*) from outbox_entry where event_type = 'attachment.added' and case_id = " + id),
                "announced once");
    }

    /** A JPEG no other test sends (its one pixel colour is random), so the hub cannot hold it yet. */
    private static byte[] uniqueJpeg() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random();
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void anAnswerLostAfterTheHubStoredIsResentAndStoredOnce() {
        drain(hub());
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        HubSender real = hub();
        HubSender dyingEdge = new HubSender() { // the hub stores the batch, the edge never records the answer
            @Override
            public SyncProtocol.Ack send(SyncProtocol.Batch batch) {
                real.send(batch);
                throw new SyncException("edge killed before it recorded the answer");
            }

            @Override
            public void upload(String sha256, String contentType, Path file) {
                real.upload(sha256, contentType, file);
            }

            @Override
            public List<SyncProtocol.Assignment> assignments(long after) {
                return real.assignments(after);
            }
        };
        assertEquals(-1, relay.run(dyingEdge));
        assertEquals(2, ledger.backlog());
        drain(hub());
        assertEquals("2", Store.single(dataSource, "select count(*) from hub_event where site_id = '" + site + "' and edge_case_id = " + id));
        assertEquals("2", Store.single(dataSource, "select count(*) from hub_case_history where site_id = '" + site + "' and edge_case_id = " + id));
        assertEquals("1", Store.single(dataSource, "select count(*) from hub_case where site_id = '" + site + "' and edge_case_id = " + id));
    }

    /**
     * A 回访 goes up as one rating.added event, written with it (a call-back rolled back — its reopen refused — writes
     * none), and reaches the hub once although the edge died before recording the answer and a batch with it came again.
     */
    @Test
    void aCallBackReachesTheHubOnceEvenWhenItsBatchIsResent() throws Exception {
        drain(hub());
        long id = Cases.report("inspector", "INSPECTOR", "incident:0110", Cases.LAT, Cases.LON);
        Cases.afterPhoto("inspector", id);
        Cases.act("inspector", id, "selfHandle", Map.of("classCode", "incident:0110", "note", "已清理")).statusCode(200);
        Cases.act("shiftlead", id, "close", Map.of()).statusCode(200);
        String events = "select count(*) from outbox_entry where event_type = 'rating.added' and case_id = " + id;
        Api.as("acceptor").body(Map.of("caseId", id, "satisfied", false, "note", "仍有垃圾", "reopen", true)).when().post("/api/callbacks")
                .then().statusCode(403); // 重新开启 is not the 受理员's: the call-back is rolled back whole
        assertEquals("0", Store.single(dataSource, "select count(*) from case_callback where case_id = " + id));
        assertEquals("0", Store.single(dataSource, events), "a rolled-back call-back leaves no event");
        long callBack = ((Number) Api.as("acceptor").body(Map.of("caseId", id, "satisfied", true, "note", "满意")).when().post("/api/callbacks")
                .then().statusCode(201).extract().path("id")).longValue();
        assertEquals("1", Store.single(dataSource, events), "one event for the call-back");
        assertEquals(SyncProtocol.Rating.callBack(callBack, true), json.readValue(Store.single(dataSource,
                "select payload from outbox_entry where event_type = 'rating.added' and case_id = " + id), SyncProtocol.Rating.class));

        HubSender real = hub();
        HubSender dyingEdge = new HubSender() { // the hub stores the batch, the edge never records the answer
            @Override
            public SyncProtocol.Ack send(SyncProtocol.Batch batch) {
                real.send(batch);
                throw new SyncException("edge killed before it recorded the answer");
            }

            @Override
            public void upload(String sha256, String contentType, Path file) {
                real.upload(sha256, contentType, file);
            }

            @Override
            public List<SyncProtocol.Assignment> assignments(long after) {
                return real.assignments(after);
            }
        };
        assertEquals(-1, relay.run(dyingEdge));
        drain(hub());
        long acked = ledger.state().ackedSeq;
        List<SyncProtocol.Event> last = batches.after(acked - 3, 10); // the call-back's event, and the photo's announced after it
        List<SyncProtocol.Event> rated = last.stream().filter(e -> e.caseId() == id && SyncProtocol.RATING_ADDED.equals(e.type())).toList();
        assertEquals(1, rated.size());
        assertEquals(SyncProtocol.Rating.callBack(callBack, true), rated.get(0).rating());
        assertEquals(List.of(), rated.get(0).history(), "a rating carries no history row");
        assertEquals("CLOSED", rated.get(0).state().stage());
        SyncProtocol.Ack again = hub().send(new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, last));
        assertEquals(last.size(), again.duplicates());
        assertEquals(0, again.stored());
        assertEquals("1", Store.single(dataSource, "select count(*) from hub_event where event_type = 'rating.added' and site_id = '" + site
                + "' and edge_case_id = " + id));
        assertEquals(List.of("CALLBACK|" + callBack + "|1"), Store.column(dataSource, "select kind || '|' || edge_rating_id || '|' || satisfied"
                + " from hub_rating where site_id = '" + site + "' and edge_case_id = " + id));
        Api.as("leader").when().get("/api/hub/cases/" + site + "/" + id).then().statusCode(200).body("state.stage", equalTo("CLOSED"))
                .body("history", hasSize(3));
    }

    @Test
    void aDuplicateBatchIsAnsweredIdempotentlyAndAGapIsNotAcknowledged() {
        drain(hub());
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        drain(hub());
        long acked = ledger.state().ackedSeq;
        List<SyncProtocol.Event> last = batches.after(acked - 1, 10);
        assertEquals(1, last.size());
        assertEquals(id, last.get(0).caseId());
        SyncProtocol.Ack again = hub().send(new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, last));
        assertEquals(acked, again.ackedSeq());
        assertEquals(0, again.stored());
        assertEquals(1, again.duplicates());

        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "discard", Map.of("note", "测试作废")).statusCode(200);
        batches.number(100);
        List<SyncProtocol.Event> next = batches.after(acked, 10);
        assertEquals(2, next.size());
        SyncProtocol.Ack gap = hub().send(new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, List.of(next.get(1))));
        assertEquals(acked, gap.ackedSeq(), "seq " + (acked + 1) + " is missing: nothing more is acknowledged");
        assertEquals(1, gap.stored());
        drain(hub());
        assertEquals(acked + 2, ledger.state().ackedSeq);
        Api.as("leader").when().get("/api/hub/cases/" + site + "/" + id).then().statusCode(200).body("state.stage", equalTo("DISCARDED"))
                .body("history", hasSize(3));
    }

    @Test
    void aHubThatLostEventsGetsThemAgain() throws Exception {
        Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        drain(hub());
        long acked = ledger.state().ackedSeq;
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) { // the hub restored an older backup
            s.executeUpdate("delete from hub_event where site_id = '" + site + "' and seq > " + (acked - 2));
            s.executeUpdate("update hub_site set acked_seq = " + (acked - 2) + " where site_id = '" + site + "'");
        }
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        drain(hub());
        assertEquals(acked + 1, ledger.state().ackedSeq);
        assertEquals(String.valueOf(acked + 1), Store.single(dataSource, "select acked_seq from hub_site where site_id = '" + site + "'"));
        assertEquals("3", Store.single(dataSource, "select count(*) from hub_event where site_id = '" + site + "' and seq > " + (acked - 2)));
        Api.as("leader").when().get("/api/hub/cases/" + site + "/" + id).then().statusCode(200).body("history", hasSize(1));
    }

    /**
     * A compressed batch as the first request of a new connection — what the relay sends after the hub restarted or
     * closed an idle connection while batches go gzipped. The JDK's client opened plain-http connections with an HTTP/2
     * upgrade (h2c) and the hub did not decompress an upgrade request's body: 400 "not valid JSON" after every reconnect.
     */
    @Test
    void aGzippedBatchOnTheRelaysFirstRequestOfAConnectionIsStored() throws Exception {
        drain(hub());
        SyncProtocol.Batch empty = new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, List.of());
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(json.writeValueAsBytes(empty));
        }
        java.net.http.HttpClient fresh = HttpHubSender.client(null); // the relay's client, no connection yet
        java.net.http.HttpResponse<String> answer = fresh.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + RestAssured.port + "/api/hub/v1/events"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(ledger.state().ackedSeq, json.readValue(answer.body(), SyncProtocol.Ack.class).ackedSeq());
    }

    @Test
    void aBatchWithAnotherSitesTokenOrNoneIsRefused() {
        SyncProtocol.Batch foreign = new SyncProtocol.Batch(SyncProtocol.VERSION, "another-site", 0, List.of());
        Api.anonymous().header("Authorization", "Bearer " + token).body(foreign).when().post("/api/hub/v1/events").then().statusCode(403);
        Api.anonymous().body(foreign).when().post("/api/hub/v1/events").then().statusCode(401).body("error", equalTo("unauthorized"));
        Api.anonymous().header("Authorization", "Bearer cgh1_wrong").when().get("/api/hub/v1/assignments").then().statusCode(401);
        Api.as("acceptor").when().get("/api/sync/status").then().statusCode(403);
        Api.as("leader").body(Map.of("siteId", "x", "name", "x")).when().post("/api/hub/sites").then().statusCode(403);
        Api.as("admin").body(Map.of("url", "ftp://x", "token", "t")).when().put("/api/sync/hub").then().statusCode(400)
                .body("field", equalTo("url"));
    }

    @Test
    void aSuperiorAssignmentComesDownIsHandledAndItsClosureGoesUp() {
        drain(hub());
        long inspector = Cases.staffId("inspector");
        long department = Cases.departmentId("gongshui");
        long condition = Cases.conditionId("component:0101", "破损超过25");
        // 10 minutes: sooner than the edge's own 受理 (1 working hour) and 处置 (4 working hours) limits would give
        Instant due = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        long assignment = ((Number) Api.as("leader").body(Map.of("siteId", site, "description", "上级交办：县城井盖缺失", "lat", Cases.LAT,
                "lon", Cases.LON, "classCode", "component:0101", "dueAt", due.toString())).when().post("/api/hub/assignments")
                .then().statusCode(201).extract().path("id")).longValue();
        assertTrue(relay.run(hub()) >= 0, String.valueOf(ledger.state().lastError));
        assertTrue(relay.run(hub()) >= 0, "a second pull takes nothing twice");
        List<String> cases = Store.column(dataSource, "select case_id from sync_assignment where assignment_id = " + assignment);
        assertEquals(1, cases.size());
        long id = Long.parseLong(cases.get(0));
        Cases.get("acceptor", id).body("source", equalTo("SUPERIOR")).body("stage", equalTo("REPORTED"))
                .body("deadline", equalTo(due.toString())); // 上级时限: the hub's deadline caps the 受理 clock

        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "file", Map.of("conditionId", condition)).statusCode(200);
        Cases.act("dispatcher", id, "dispatch", Map.of("departmentId", department)).statusCode(200);
        Cases.get("acceptor", id).body("handlingDeadline", equalTo(due.toString())).body("deadline", equalTo(due.toString()));
        assertEquals(List.of(), Store.column(dataSource, "select id from case_file where superior_due_at is not null and id not in"
                + " (select case_id from sync_assignment)"), "only 上级交办 cases get a superior deadline");
        Cases.act("gongshui", id, "signFor", Map.of()).statusCode(200);
        Cases.act("gongshui", id, "reportHandled", Map.of("note", "已补装井盖")).statusCode(200);
        Cases.act("acceptor", id, "sendToCheck", Map.of("inspectorId", inspector)).statusCode(200);
        Cases.act("inspector", id, "verify", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "close", Map.of()).statusCode(200);
        drain(hub());
        Map<String, Object> row = Api.as("leader").queryParam("site", site).when().get("/api/hub/assignments").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(a -> ((Number) a.get("id")).longValue() == assignment).findFirst().orElseThrow();
        assertEquals("CLOSED", row.get("stage"));
        assertNotEquals(null, row.get("closedAt"));
        assertEquals(id, ((Number) row.get("edgeCaseId")).longValue());
        Api.as("leader").when().get("/api/hub/cases/" + site + "/" + id).then().statusCode(200)
                .body("state.source", equalTo("SUPERIOR")).body("state.assignmentId", equalTo((int) assignment));
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
    }
}
