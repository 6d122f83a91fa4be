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
 * 证据登记 — what became of a snapshot {@link EvidenceFetcher} tried to fetch: stored as a photo of the case, or retried
 * later with doubling waits, FAILED after the last try. Writes through the single writer.
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

    /** The fetched snapshot of an evidence row becomes a photo of its case. */
    @Transactional
    @SingleWriter
    public void evidenceStored(long evidenceId, Path file) {
        AlertEvidence row = AlertEvidence.findById(evidenceId);
        CaseFile c = CaseFile.findById(row.caseId);
        CaseAttachment a = attachments.store(c, file, "alert-" + row.alertId + ".jpg", "告警证据");
        row.status = "STORED";
        row.attachmentId = a.id;
        row.attempts++;
        row.lastError = null;
        row.nextTryAt = null;
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
