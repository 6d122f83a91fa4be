package org.civicgrid.alert;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicgrid.camera.CameraConfig;
import org.civicgrid.camera.CameraRecordings;
import org.civicgrid.camera.CameraSnapshots;
import org.civicgrid.camera.onvif.DeviceTrust;
import org.civicgrid.cases.CasesConfig;
import org.jboss.logging.Logger;

/**
 * 证据抓取 — in the background, never in the way of a case being raised: fetches each pending snapshot (the URL of the
 * alert — Frigate's {@code /api/events/{id}/snapshot.jpg}, our JSON's {@code snapshotUrl} — or the camera's ONVIF
 * snapshot through {@link CameraSnapshots}) and stores it as a photo of the case. A failure is retried with doubling
 * waits; after {@code civicgrid.alerts.evidence-attempts} tries the evidence is marked FAILED with the last error.
 * Video runs on its own schedule so a slow clip never holds up a snapshot: a clip ({@link ClipDownload}) is kept as a
 * video of the case when small enough, else only its link stays; a camera's replay link ({@link CameraRecordings}) is
 * asked for, and skipped for a camera that does not record.
 */
@ApplicationScoped
public class EvidenceFetcher {

    private static final Logger LOG = Logger.getLogger(EvidenceFetcher.class);
    private static final List<String> PHOTOS = List.of(AlertEvidence.SNAPSHOT);
    private static final List<String> VIDEO = List.of(AlertEvidence.CLIP, AlertEvidence.REPLAY);

    private final AlertConfig config;
    private final CasesConfig cases;
    private final CameraSnapshots snapshots;
    private final CameraRecordings recordings;
    private final EvidenceRows rows;
    private final Clock clock;
    private final HttpClient http;

    EvidenceFetcher(AlertConfig config, CasesConfig cases, CameraSnapshots snapshots, CameraRecordings recordings, EvidenceRows rows, Clock clock,
            CameraConfig cameras) {
        // an NVR at https with its own certificate is trusted through the site's device certificates, as cameras are
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL)
                .sslContext(DeviceTrust.context(cameras.trustedCertificates())).build();
        this.config = config;
        this.cases = cases;
        this.snapshots = snapshots;
        this.recordings = recordings;
        this.rows = rows;
        this.clock = clock;
    }

    @Scheduled(every = "${civicgrid.alerts.evidence-every:5s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        fetchDue();
    }

    @Scheduled(every = "${civicgrid.alerts.evidence-every:5s}", delayed = "4s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledVideo() {
        fetchDueVideo();
    }

    /** Tries every snapshot due now; returns how many were stored. Reads outside a transaction, writes through the single writer. */
    @ActivateRequestContext
    public int fetchDue() {
        return fetch(PHOTOS);
    }

    /** Tries every clip and replay link due now; returns how many were stored or found. */
    @ActivateRequestContext
    public int fetchDueVideo() {
        return fetch(VIDEO);
    }

    private int fetch(List<String> kinds) {
        List<AlertEvidence> due = AlertEvidence.<AlertEvidence>find("status = 'PENDING' and nextTryAt <= ?1 and kind in ?2 order by id",
                clock.instant(), kinds).page(0, 50).list();
        int done = 0;
        for (AlertEvidence e : due) {
            Path file = null;
            try {
                if (AlertEvidence.REPLAY.equals(e.kind)) {
                    Optional<URI> replay = recordings.replayUri(e.cameraId);
                    if (replay.isPresent()) {
                        rows.replayFound(e.id, replay.get().toString());
                        done++;
                    } else {
                        rows.evidenceSkipped(e.id);
                    }
                    continue;
                }
                file = Files.createTempFile("civicgrid-evidence", AlertEvidence.CLIP.equals(e.kind) ? ".mp4" : ".img");
                if (AlertEvidence.CLIP.equals(e.kind)) {
                    ClipDownload.fetch(http, e.url, file, clipBound(), config.clipTimeout());
                    rows.evidenceStored(e.id, file, clipBound());
                } else {
                    fetchSnapshot(e, file);
                    rows.evidenceStored(e.id, file, cases.attachmentMaxBytes());
                }
                done++;
            } catch (ClipDownload.TooLarge tooLarge) {
                rows.evidenceLinkOnly(e.id, tooLarge.getMessage());
            } catch (RuntimeException | IOException failure) {
                String error = AlertAdapters.limit(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage(), 300);
                rows.evidenceFailed(e.id, error);
                LOG.debugf("evidence %d for case %d not fetched: %s", e.id, e.caseId, error);
            } finally {
                if (file != null) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // a temp file left behind
                    }
                }
            }
        }
        return done;
    }

    /**
     * The largest clip kept: {@code civicgrid.alerts.clip-max-bytes}, never above the attachment limit, which is also
     * what the hub accepts of an attachment going up (a bigger one would hold up the upward sync).
     */
    private long clipBound() {
        return Math.min(config.clipMaxBytes(), cases.attachmentMaxBytes());
    }

    private void fetchSnapshot(AlertEvidence e, Path file) throws IOException {
        try {
            if (e.url != null) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(e.url)).timeout(Duration.ofSeconds(10)).GET().build();
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new IOException("HTTP " + response.statusCode() + " from " + e.url);
                    }
                    byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cases.attachmentMaxBytes() + 1));
                    if (bytes.length > cases.attachmentMaxBytes()) {
                        throw new IOException("snapshot larger than " + cases.attachmentMaxBytes() + " bytes");
                    }
                    Files.write(file, bytes);
                }
            } else if (e.cameraId != null) {
                Optional<byte[]> jpeg = snapshots.take(e.cameraId);
                Files.write(file, jpeg.orElseThrow(() -> new IOException("camera " + e.cameraId + " gave no snapshot")));
            } else {
                throw new IOException("nothing to fetch");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** When the evidence is next tried (for the page). */
    static Instant nextTry(AlertEvidence e) {
        return e.nextTryAt;
    }
}
