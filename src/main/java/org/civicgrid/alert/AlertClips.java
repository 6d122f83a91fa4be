package org.civicgrid.alert;

import io.quarkus.qute.TemplateExtension;
import java.util.List;

/**
 * 视频片段 on the case page — {@code {clips:of(c.id)}}: the clips the alerts of a case offered, each with its link at the
 * source (the NVR keeps the video; the box keeps the link).
 */
@TemplateExtension(namespace = "clips")
public final class AlertClips {

    /** One clip: the source's link and its evidence state ({@code LINK}). */
    public record Clip(String url, String status) {
    }

    private AlertClips() {
    }

    static List<Clip> of(Long caseId) {
        if (caseId == null) {
            return List.of();
        }
        return AlertEvidence.<AlertEvidence>list("caseId = ?1 and kind = ?2 order by id", caseId, AlertEvidence.CLIP).stream()
                .map(e -> new Clip(e.url, e.status)).toList();
    }
}
