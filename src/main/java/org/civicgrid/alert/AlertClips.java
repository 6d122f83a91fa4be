package org.civicgrid.alert;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.util.List;

/**
 * 视频片段 on the case page — {@code {clips:of(c.id)}}: the clips the alerts of a case offered, each with its link at the
 * source and whether the box keeps a copy (shown among the case's photos as a video) or only the link, and the replay
 * links of cameras that record (录像回放, with the window around the alert).
 */
@TemplateExtension(namespace = "clips")
public final class AlertClips {

    /**
     * One clip or replay link: the source's link, its kind ({@code CLIP}, {@code REPLAY}), state ({@code PENDING},
     * {@code STORED}, {@code LINK}, {@code FAILED}), why it is only a link, and a replay's window.
     */
    public record Clip(String url, String kind, String status, String why, Instant windowFrom, Instant windowTo) {

        public boolean replay() {
            return AlertEvidence.REPLAY.equals(kind);
        }
    }

    private AlertClips() {
    }

    /** The case's clips and found replay links, oldest first (a replay still being asked for, or skipped, is not shown). */
    static List<Clip> of(Long caseId) {
        if (caseId == null) {
            return List.of();
        }
        return AlertEvidence.<AlertEvidence>list("caseId = ?1 and (kind = ?2 or (kind = ?3 and status = 'LINK')) order by id", caseId,
                AlertEvidence.CLIP, AlertEvidence.REPLAY).stream()
                .map(e -> new Clip(e.url, e.kind, e.status, e.lastError, e.windowFrom, e.windowTo)).toList();
    }
}
