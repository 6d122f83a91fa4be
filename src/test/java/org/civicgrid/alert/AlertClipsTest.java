package org.civicgrid.alert;

import static org.hamcrest.Matchers.containsString;
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
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.testsupport.Await;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * 视频片段 of an alert's case: a small clip from the source is kept as a video of the case, one over the bound stays a
 * link (without being downloaded), and the case page shows both.
 */
@QuarkusTest
class AlertClipsTest {

    @Test
    void aSmallClipIsKeptAndABigOneStaysALink() throws IOException {
        byte[] mp4 = new byte[2048];
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(head, 0, mp4, 0, head.length);
        HttpServer nvr = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nvr.createContext("/api/events/small/clip.mp4", x -> {
            x.sendResponseHeaders(200, mp4.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(mp4);
            }
        });
        nvr.createContext("/api/events/big/clip.mp4", x -> {
            x.sendResponseHeaders(200, 500_000_000L); // announced far over the bound: not even started
            try (OutputStream out = x.getResponseBody()) {
                out.write(mp4);
            } catch (IOException cut) {
                // the box hung up, as it should
            }
        });
        nvr.start();
        try {
            String base = "http://127.0.0.1:" + nvr.getAddress().getPort() + "/api/events/";
            long caseId = Cases.report("acceptor", "HOTLINE", "incident:0110", Cases.LAT, Cases.LON);
            long small = clip(caseId, base + "small/clip.mp4");
            long big = clip(caseId, base + "big/clip.mp4");
            Await.until("both clips handled", Duration.ofSeconds(60), () -> !status(small).equals("PENDING") && !status(big).equals("PENDING"));
            assertEquals("STORED", status(small));
            assertEquals("LINK", status(big));
            CaseAttachment video = QuarkusTransaction.requiringNew().call(() -> CaseAttachment.<CaseAttachment>findById(
                    AlertEvidence.<AlertEvidence>findById(small).attachmentId));
            assertEquals("VIDEO", video.kind);
            assertEquals("video/mp4", video.contentType);
            assertEquals(2048, video.sizeBytes);
            String page = WebSession.signIn("acceptor").page().when().get("/cases/" + caseId).then().statusCode(200)
                    .body(containsString("<video class=\"clip\"")).body(containsString(base + "big/clip.mp4"))
                    .body(containsString("片段较大，仅保留链接")).extract().asString();
            assertTrue(page.contains(base + "small/clip.mp4"), "the kept clip's source link too");
        } finally {
            nvr.stop(0);
        }
    }

    private static long clip(long caseId, String url) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlertMessage m = new AlertMessage();
            m.source = AlertSource.FRIGATE_EVENT;
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
            e.nextTryAt = Instant.now();
            e.createdAt = Instant.now();
            e.persist();
            return e.id;
        });
    }

    private static String status(long evidenceId) {
        return QuarkusTransaction.requiringNew().call(() -> AlertEvidence.<AlertEvidence>findById(evidenceId).status);
    }
}
