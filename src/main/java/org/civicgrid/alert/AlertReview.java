package org.civicgrid.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseIntake;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.NewReport;
import org.civicgrid.catalog.CaseClass;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.grid.Crs;
import org.civicgrid.grid.GeoLocation;
import org.civicgrid.grid.Geocoder;
import org.civicgrid.web.Problem;

/**
 * 告警审核 — the acceptor's review queue: an alert the rules could not decide (no class, no position, outside the
 * county, no open case for a photo) is raised as a case, merged into an open case near it, or ignored with a reason.
 */
@ApplicationScoped
public class AlertReview {

    private final CaseIntake intake;
    private final Geocoder geocoder;
    private final DedupCache dedup;
    private final Clock clock;

    private final org.civicgrid.sync.Outbox outbox;

    AlertReview(CaseIntake intake, Geocoder geocoder, DedupCache dedup, Clock clock, org.civicgrid.sync.Outbox outbox) {
        this.outbox = outbox;
        this.intake = intake;
        this.geocoder = geocoder;
        this.dedup = dedup;
        this.clock = clock;
    }

    /** What the acceptor gives to raise a case from a reviewed alert: class, and the position when the alert has none. */
    public record ReviewRaise(String classCode, Double lat, Double lon, String description) {
    }

    /**
     * 审核立案 — the acceptor raises a case from an alert in the review queue (as a CAMERA or DRONE report of their own);
     * the alert becomes CREATED with the case, or MERGED when an open case of the class is near.
     */
    @Transactional
    @SingleWriter
    public AlertMessage raiseFromReview(long alertId, ReviewRaise body, Actor actor) {
        AlertMessage m = reviewable(alertId);
        String classCode = body == null || body.classCode() == null || body.classCode().isBlank() ? m.classCode : body.classCode().trim();
        if (classCode == null) {
            throw Problem.badRequest("classCode", "choose the class of the case");
        }
        CaseClasses.require(classCode);
        Double lat = body != null && body.lat() != null ? body.lat() : m.lat;
        Double lon = body != null && body.lon() != null ? body.lon() : m.lon;
        if (lat == null || lon == null) {
            throw Problem.badRequest("lat", "the alert has no position: give lat and lon");
        }
        GeoLocation location = geocoder.requireInCounty(lat, lon, Crs.WGS84);
        Instant now = clock.instant();
        dedup.refresh(now);
        DedupIndex.OpenCase near = dedup.nearOpen(classCode, location.lat(), location.lon(), now, new HashMap<>());
        if (near != null) {
            CaseFile.countRepeat(near.id());
            m.outcome = AlertOutcome.MERGED;
            m.caseId = near.id();
            outbox.store(outbox.alertMerged(near.id(), m.id, m.receivedAt)); // 重复上报, up to the hub
        } else {
            String description = body != null && body.description() != null && !body.description().isBlank() ? body.description().trim()
                    : "告警 " + (m.label == null ? "" : m.label) + (m.device == null ? "" : " · " + m.device) + " [" + m.source.name().toLowerCase()
                            + " " + m.sourceId + "]";
            CaseFile c = intake.report(new NewReport(m.kind == AlertKind.DRONE ? CaseSource.DRONE : CaseSource.CAMERA,
                    AlertAdapters.limit(description, 3900), location.lat(), location.lon(), "wgs84", classCode, null, null, null, null), actor);
            dedup.add(new DedupIndex.OpenCase(c.id, classCode, location.lat(), location.lon(), c.createdAt));
            m.outcome = AlertOutcome.CREATED;
            m.caseId = c.id;
        }
        m.classCode = classCode;
        m.lat = location.lat();
        m.lon = location.lon();
        m.gridCode = location.gridCode();
        m.decidedBy = actor.name();
        m.decidedAt = now;
        return m;
    }

    /** 审核忽略 — the acceptor ignores an alert in the review queue, with the reason. */
    @Transactional
    @SingleWriter
    public AlertMessage ignoreFromReview(long alertId, String note, Actor actor) {
        if (note == null || note.isBlank()) {
            throw Problem.badRequest("note", "give the reason");
        }
        AlertMessage m = reviewable(alertId);
        m.outcome = AlertOutcome.IGNORED;
        m.reason = AlertAdapters.limit("忽略（" + actor.name() + "）：" + note.trim(), 500);
        m.decidedBy = actor.name();
        m.decidedAt = clock.instant();
        return m;
    }

    private static AlertMessage reviewable(long alertId) {
        AlertMessage m = AlertMessage.<AlertMessage>findByIdOptional(alertId)
                .orElseThrow(() -> Problem.notFound("alert " + alertId));
        if (m.outcome != AlertOutcome.REVIEW) {
            throw Problem.conflict("not_in_review", "alert " + alertId + " is " + m.outcome + ", not waiting for review");
        }
        return m;
    }

    /** For the review queue: a class is usable. */
    static boolean usableClass(String ref) {
        return ref != null && CaseClass.byRef(ref).filter(c -> c.active).isPresent();
    }
}
