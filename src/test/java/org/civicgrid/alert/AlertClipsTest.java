package org.civicgrid.alert;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Await;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.MisbehavingServer;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * 视频片段 of an alert's case: a Frigate alert brings its clip beside the snapshot; in the background a small clip is
 * kept as a video of the case (served with byte ranges, only to who may see the case), one over the bound stays a link
 * without being downloaded, one from a stalling server is abandoned at the deadline and keeps its link with the reason;
 * the case page and the print sheet show them.
 */
@QuarkusTest
class AlertClipsTest {

    private static final byte[] MP4 = mp4();

    @Test
    void aFrigateAlertBringsItsClipLinkBesideTheSnapshot() {
        AlertAdapters adapters = new AlertAdapters("frigate", "civicgrid/alerts", "http://frigate.local:5000", 65536, "thing/product");
        Alert a = ((Parsed.Ok) adapters.parse("frigate/reviews", AlertAdaptersTest.fixture("frigate-reviews.json"))).alert();
        AlertBatch batch = new AlertBatch();
        batch.addEvidence(a, new AlertTriage.Decision(AlertTriage.Action.RAISE, null, null, null, false, null, null, null, null), 7);
        assertEquals(List.of(AlertEvidence.SNAPSHOT, AlertEvidence.CLIP), batch.evidence.stream().map(AlertBatch.Evidence::kind).toList());
        assertEquals("http://frigate.local:5000/api/events/1718987128.947436-g92ztx/clip.mp4", batch.evidence.get(1).url());
    }

    @Test
    void aSmallClipIsKeptABigOneStaysALinkAndAStalledOneKeepsItsLinkWithTheReason() throws IOException {
        HttpServer nvr = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nvr.createContext("/api/events/small/clip.mp4", x -> {
            x.sendResponseHeaders(200, MP4.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(MP4);
            }
        });
        nvr.createContext("/api/events/big/clip.mp4", x -> {
            x.sendResponseHeaders(200, 500_000_000L); // announced far over the bound: not even started
            try (OutputStream out = x.getResponseBody()) {
                out.write(MP4);
            } catch (IOException cut) {
                // the box hung up, as it should
            }
        });
        nvr.start();
        try (MisbehavingServer stalling = new MisbehavingServer(MisbehavingServer.Mode.SILENT_AFTER_HEADERS)) {
            String base = "http://127.0.0.1:" + nvr.getAddress().getPort() + "/api/events/";
            long caseId = dispatchedTo("gongshui");
            long small = clip(caseId, base + "small/clip.mp4", 0);
            long big = clip(caseId, base + "big/clip.mp4", 0);
            // the last try left (civicgrid.alerts.evidence-attempts=6): the timeout gives up for good and says why
            long stalled = clip(caseId, stalling.base() + "/api/events/stalled/clip.mp4", 5);
            Await.until("the clips handled", Duration.ofSeconds(90), () -> !row(small).status.equals("PENDING") && !row(big).status.equals("PENDING")
                    && !row(stalled).status.equals("PENDING"));
            assertEquals("STORED", row(small).status);
            assertEquals("LINK", row(big).status);
            assertTrue(row(big).lastError.contains("larger than"), row(big).lastError);
            AlertEvidence timedOut = row(stalled);
            assertEquals("FAILED", timedOut.status);
            assertTrue(timedOut.lastError.contains("timed out"), timedOut.lastError);
            assertEquals(stalling.base() + "/api/events/stalled/clip.mp4", timedOut.url, "the link stays");

            CaseAttachment video = QuarkusTransaction.requiringNew().call(() -> CaseAttachment.<CaseAttachment>findById(row(small).attachmentId));
            assertEquals("VIDEO", video.kind);
            assertEquals("video/mp4", video.contentType);
            assertEquals(MP4.length, video.sizeBytes);
            String url = "/api/cases/" + caseId + "/attachments/" + video.id;
            byte[] whole = Api.as("gongshui").when().get(url).then().statusCode(200).header("Accept-Ranges", "bytes")
                    .header("Content-Type", "video/mp4").header("Content-Disposition", containsString("inline")).extract().asByteArray();
            assertArrayEquals(MP4, whole);
            byte[] part = Api.as("gongshui").header("Range", "bytes=100-199").when().get(url).then().statusCode(206)
                    .header("Content-Range", equalTo("bytes 100-199/" + MP4.length)).extract().asByteArray();
            assertArrayEquals(Arrays.copyOfRange(MP4, 100, 200), part);
            Api.as("gongshui").header("Range", "bytes=-48").when().get(url).then().statusCode(206)
                    .header("Content-Range", equalTo("bytes " + (MP4.length - 48) + "-" + (MP4.length - 1) + "/" + MP4.length));
            Api.as("gongshui").header("Range", "bytes=99999-").when().get(url).then().statusCode(416);
            Api.as("huanwei").when().get(url).then().statusCode(403); // a department the case is not dispatched to
            Api.as("huanwei").header("Range", "bytes=0-9").when().get(url).then().statusCode(403);

            String page = WebSession.signIn("gongshui").page().when().get("/cases/" + caseId).then().statusCode(200)
                    .body(containsString("<video class=\"clip\" controls preload=\"metadata\" src=\"" + url + "\">"))
                    .body(containsString("片段较大，仅保留链接")).body(containsString("获取失败，仅保留链接"))
                    .body(containsString(base + "big/clip.mp4")).extract().asString();
            assertTrue(page.contains(base + "small/clip.mp4"), "the kept clip's source link too");
            assertTrue(page.contains("title=\"" + timedOut.lastError), "why the stalled one is only a link");
            WebSession.signIn("gongshui").page().when().get("/cases/" + caseId + "/print").then().statusCode(200)
                    .body(containsString("id=\"print-clips\"")).body(containsString("本案另有 3 段视频片段或录像回放"));
        } finally {
            nvr.stop(0);
        }
    }

    @Test
    void aPersonCannotUploadAVideo() {
        long caseId = Cases.report("acceptor", "HOTLINE", "incident:0110", Cases.LAT, Cases.LON);
        Api.as("inspector").contentType("multipart/form-data").multiPart("file", "clip.mp4", MP4, "video/mp4")
                .when().post("/api/cases/" + caseId + "/attachments").then().statusCode(400).body("field", equalTo("file"));
    }

    /** A case filed and dispatched to the department of this user. */
    private static long dispatchedTo(String department) {
        long id = Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "file", Map.of("conditionId", Cases.conditionId("component:0101", "破损超过25"))).statusCode(200);
        Cases.act("dispatcher", id, "dispatch", Map.of("departmentId", Cases.departmentId(department))).statusCode(200);
        return id;
    }

    /** An evidence row as AlertBatchWriter writes a clip: pending now, with {@code attempts} tries behind it. */
    private static long clip(long caseId, String url, int attempts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlertMessage m = new AlertMessage();
            m.source = AlertSource.FRIGATE;
            m.sourceId = "clip-" + System.nanoTime();
            m.kind = AlertKind.CAMERA;
            m.receivedAt = Instant.now();
            m.outcome = AlertOutcome.CREATED;
            m.caseId = caseId;
            m.payload = "{}";
            m.payloadBytes = 2;
            m.persist();
            AlertEvidence e = new AlertEvidence();
            e.alertId = m.id;
            e.caseId = caseId;
            e.url = url;
            e.kind = AlertEvidence.CLIP;
            e.status = "PENDING";
            e.attempts = attempts;
            e.nextTryAt = Instant.now();
            e.createdAt = Instant.now();
            e.persist();
            return e.id;
        });
    }

    private static AlertEvidence row(long evidenceId) {
        return QuarkusTransaction.requiringNew().call(() -> AlertEvidence.<AlertEvidence>findById(evidenceId));
    }

    private static byte[] mp4() {
        byte[] mp4 = new byte[2048];
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        for (int i = 0; i < mp4.length; i++) {
            mp4[i] = (byte) (i * 7);
        }
        System.arraycopy(head, 0, mp4, 0, head.length);
        return mp4;
    }
}
