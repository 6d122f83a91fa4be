package org.civicgrid.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.web.Problem;

/**
 * 举报审核 — the acceptor decides what of a public report may be shown on the portal: publish with a text free of
 * personal data, or hide. The case itself goes through the loop either way.
 */
@ApplicationScoped
class Moderation {

    /** One report in the moderation list. */
    record Item(long reportId, long caseId, String number, String problem, String description, String address, PublicReport.Moderation moderation,
            String publicText, String moderatedBy, List<Long> photoIds, java.time.Instant receivedAt) {
    }

    private final Clock clock;

    Moderation(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    List<Item> list(boolean pendingOnly) {
        List<PublicReport> reports = pendingOnly
                ? PublicReport.list("moderation = ?1 order by receivedAt", PublicReport.Moderation.PENDING)
                : PublicReport.<PublicReport>list("order by receivedAt desc").stream().limit(100).toList();
        return reports.stream().map(Moderation::item).toList();
    }

    @Transactional
    void decide(long reportId, PublicReport.Moderation decision, String publicText, String moderator) {
        PublicReport r = PublicReport.<PublicReport>findByIdOptional(reportId).orElseThrow(() -> Problem.notFound("public report " + reportId));
        if (decision == null || decision == PublicReport.Moderation.PENDING) {
            throw Problem.badRequest("decision", "publish or hide");
        }
        String text = publicText == null ? "" : publicText.trim();
        if (decision == PublicReport.Moderation.PUBLISHED && text.isEmpty()) {
            throw Problem.badRequest("publicText", "write the text to publish (without names, phone numbers or house numbers)");
        }
        r.moderation = decision;
        r.publicText = decision == PublicReport.Moderation.PUBLISHED ? (text.length() > 1000 ? text.substring(0, 1000) : text) : null;
        r.moderatedBy = moderator;
        r.moderatedAt = clock.instant();
    }

    private static Item item(PublicReport r) {
        CaseFile c = CaseFile.findById(r.caseId);
        List<Long> photos = CaseAttachment.of(c.id).stream().filter(a -> "PHOTO".equals(a.kind)).map(a -> a.id).toList();
        String problem = PlainProblem.of(r.problemKey).map(p -> p.zh).orElse(r.problemKey);
        return new Item(r.id, c.id, c.number, problem, c.description, c.address, r.moderation,
                r.publicText == null ? c.description : r.publicText, r.moderatedBy, photos, r.receivedAt);
    }
}
