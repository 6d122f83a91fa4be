package org.civicgrid.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.cases.CaseAttachments;
import org.civicgrid.cases.CaseFile;

/**
 * 证据登记 — what became of evidence {@link EvidenceFetcher} tried to fetch: stored as a photo (or a clip as a video) of
 * the case, a clip too big kept as its link, a replay link found or skipped, or retried later with doubling waits,
 * FAILED after the last try (a clip's or replay's link stays, with the reason). Writes through the single writer.
 */
@ApplicationScoped
public class EvidenceRows {

    private final AlertConfig config;
    private final CaseAttachments attachments;
    private final Clock clock;

    EvidenceRows(AlertConfig config, CaseAttachments attachments, Clock clock) {
        this.config = config;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** The fetched snapshot of an evidence row becomes a photo of its case, a fetched clip a video of it. */
    @Transactional
    @SingleWriter
    public void evidenceStored(long evidenceId, Path file, long maxBytes) {
        AlertEvidence row = AlertEvidence.findById(evidenceId);
        CaseFile c = CaseFile.findById(row.caseId);
        String name = "alert-" + row.alertId + (AlertEvidence.CLIP.equals(row.kind) ? ".mp4" : ".jpg");
        CaseAttachment a = attachments.store(c, file, name, "告警证据", maxBytes);
        row.status = "STORED";
        row.attachmentId = a.id;
        row.attempts++;
        row.lastError = null;
        row.nextTryAt = null;
    }

    /** 视频片段 too big to keep: the case keeps its link only (status {@code LINK}, why in {@code last_error}), no more tries. */
    @Transactional
    @SingleWriter
    public void evidenceLinkOnly(long evidenceId, String why) {
        AlertEvidence row = AlertEvidence.findById(evidenceId);
        row.status = "LINK";
        row.attempts++;
        row.lastError = why;
        row.nextTryAt = null;
    }

    /** 录像回放: the camera's replay URI for the window, kept as the link (status {@code LINK}). */
    @Transactional
    @SingleWriter
    public void replayFound(long evidenceId, String replayUri) {
        AlertEvidence row = AlertEvidence.findById(evidenceId);
        row.url = replayUri.length() > 1000 ? replayUri.substring(0, 1000) : replayUri;
        row.status = "LINK";
        row.attempts++;
        row.lastError = null;
        row.nextTryAt = null;
    }

    /** 录像回放 of a camera that does not record (no Profile G, no ONVIF): nothing to keep, the row goes. */
    @Transactional
    @SingleWriter
    public void evidenceSkipped(long evidenceId) {
        AlertEvidence.deleteById(evidenceId);
    }

    /** A snapshot could not be fetched: try again later (doubling waits), or give up after the last try. */
    @Transactional
    @SingleWriter
    public void evidenceFailed(long evidenceId, String error) {
        AlertEvidence row = AlertEvidence.findById(evidenceId);
        row.attempts++;
        row.lastError = error;
        if (row.attempts >= config.evidenceAttempts()) {
            row.status = "FAILED";
            row.nextTryAt = null;
        } else {
            row.nextTryAt = clock.instant().plus(config.evidenceRetry().multipliedBy(1L << Math.min(10, row.attempts - 1)));
        }
    }
}
