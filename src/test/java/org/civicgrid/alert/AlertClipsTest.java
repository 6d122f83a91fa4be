package org.civicgrid.alert;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * 视频片段: a Frigate alert's case gets its clip as a second evidence row beside the snapshot, kept as a link (never
 * fetched into the case), and the case page links to it.
 */
@QuarkusTest
class AlertClipsTest {

    @Inject
    EvidenceFetcher fetcher;

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
    void theCasePageLinksTheClipAndTheFetcherLeavesItAlone() {
        long caseId = Cases.report("acceptor", "HOTLINE", "incident:0110", Cases.LAT, Cases.LON);
        String url = "http://frigate.local:5000/api/events/clip-" + System.nanoTime() + "/clip.mp4";
        long evidenceId = QuarkusTransaction.requiringNew().call(() -> {
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
            AlertEvidence e = new AlertEvidence(); // as AlertBatchWriter writes a clip
            e.alertId = m.id;
            e.caseId = caseId;
            e.url = url;
            e.kind = AlertEvidence.CLIP;
            e.status = "LINK";
            e.createdAt = Instant.now();
            e.persist();
            return e.id;
        });
        fetcher.fetchDue();
        assertEquals("LINK", QuarkusTransaction.requiringNew().call(() -> AlertEvidence.<AlertEvidence>findById(evidenceId).status));
        WebSession.signIn("acceptor").page().when().get("/cases/" + caseId).then().statusCode(200)
                .body(containsString("href=\"" + url + "\"")).body(containsString("视频片段"));
    }
}
