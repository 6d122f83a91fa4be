package org.civicgrid.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.camera.CameraDirectory;
import org.civicgrid.cases.ActionInput;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseAction;
import org.civicgrid.cases.CaseActions;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseIntake;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.CasesConfig;
import org.civicgrid.cases.HistoryRows;
import org.civicgrid.cases.NewReport;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.catalog.FilingStandard;
import org.civicgrid.grid.GeoLocation;
import org.civicgrid.grid.Geocoder;
import org.civicgrid.org.Role;

/**
 * 告警入库 — writes a batch of received alerts in ONE transaction: parse, idempotency (one query per batch against the
 * unique source id), triage, duplicate check in memory, cases raised through {@link CaseIntake} (and auto-filed through
 * {@link CaseActions} as the system), then one batched insert per table and one batched 重复上报 update through
 * {@link AlertBatchWriter}. The caller acknowledges the MQTT messages only after this returns (committed).
 */
@ApplicationScoped
public class AlertStore {

    /** One message to store: topic and raw payload, or an alert raised inside the appliance (ONVIF) already parsed. */
    public record Inbound(String topic, byte[] payload, Instant receivedAt, Parsed parsed) {
    }

    /** What became of one inbound message; {@code duplicate} when it was stored before (a redelivery). */
    public record Stored(Inbound inbound, AlertOutcome outcome, Long caseId, Alert.Reply reply, boolean duplicate) {
    }

    private final AlertConfig config;
    private final CasesConfig cases;
    private final MqttConfig mqtt;
    private final CaseIntake intake;
    private final CaseActions actions;
    private final Geocoder geocoder;
    private final CameraDirectory cameras;
    private final AlertBatchWriter writer;
    private final Clock clock;
    private final AlertAdapters adapters;
    private final DedupCache dedup;
    private final HistoryRows history;
    private final Map<String, Boolean> knownClasses = new ConcurrentHashMap<>();
    private volatile List<TriageRule> rules;
    /**
     * The batch's session flushes once, at the end, and its history rows are inserted batched ({@link HistoryRows}); off
     * only in the test that compares the rows written both ways (AlertStormRowsTest).
     */
    volatile boolean batchedWrites = true;

    AlertStore(AlertConfig config, CasesConfig cases, MqttConfig mqtt, CaseIntake intake, CaseActions actions, Geocoder geocoder,
            CameraDirectory cameras, AlertBatchWriter writer, DedupCache dedup, Clock clock, HistoryRows history) {
        this.history = history;
        this.config = config;
        this.cases = cases;
        this.mqtt = mqtt;
        this.intake = intake;
        this.actions = actions;
        this.geocoder = geocoder;
        this.cameras = cameras;
        this.writer = writer;
        this.clock = clock;
        this.adapters = new AlertAdapters(mqtt.frigatePrefix(), mqtt.genericPrefix(), config.frigateUrl().orElse(null),
                config.maxPayloadBytes(), mqtt.djiPrefix());
        this.dedup = dedup;
    }

    AlertAdapters adapters() {
        return adapters;
    }

    /** The rules changed: read them again before the next alert. */
    void rulesChanged() {
        rules = null;
    }

    /** Forget the in-memory duplicate index (after a failed batch, or when cases change outside the alert store). */
    void indexStale() {
        dedup.stale();
    }

    @Transactional
    @SingleWriter
    public List<Stored> write(List<Inbound> inbound) {
        Instant now = clock.instant();
        dedup.refresh(now);
        List<TriageRule> currentRules = rules();
        LocalTime localNow = LocalTime.ofInstant(now, clock.getZone());
        List<Parsed> parsed = inbound.stream().map(in -> in.parsed() != null ? in.parsed() : adapters.parse(in.topic(), in.payload())).toList();
        AlertBatch b = new AlertBatch();
        b.seen.putAll(writer.existing(parsed));
        checkCandidates(parsed, b, currentRules, localNow, now);
        List<Stored> out = new ArrayList<>(inbound.size());
        // the cases raised here are written once, at the end, not before every query of every case (a batch of 500 new
        // cases flushed the whole growing session some 2,000 times); inserts still run at once (identity ids)
        // (and their history rows and outbox events are collected and written as two batched inserts at the end)
        EntityManager session = CaseFile.getEntityManager();
        FlushModeType mode = session.getFlushMode();
        session.setFlushMode(batchedWrites ? FlushModeType.COMMIT : mode);
        try {
            Runnable all = () -> {
                for (int i = 0; i < inbound.size(); i++) {
                    out.add(one(inbound.get(i), parsed.get(i), b, currentRules, localNow, now));
                }
            };
            if (batchedWrites) {
                history.batched(() -> {
                    all.run();
                    return null;
                });
            } else {
                all.run();
            }
            session.flush(); // the cases as the actions left them, before the batched 重复上报 update adds to them
        } finally {
            session.setFlushMode(mode);
        }
        writer.flush(b, now);
        return out;
    }

    /** Stores one message that could not be processed as REVIEW with the error (or nothing, when it was stored before). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SingleWriter
    public Stored keepForReview(Inbound in, String reason) {
        Parsed parsed = in.parsed() != null ? in.parsed() : adapters.parse(in.topic(), in.payload());
        AlertBatch b = new AlertBatch();
        b.seen.putAll(writer.existing(List.of(parsed)));
        if (parsed instanceof Parsed.Ok ok) {
            Alert a = ok.alert();
            if (b.seen.containsKey(AlertBatch.key(a.source(), a.sourceId()))) {
                return new Stored(in, AlertOutcome.REVIEW, null, a.reply(), true);
            }
            b.add(a, in, AlertOutcome.REVIEW, reason, null, null, null, null, a.lat(), a.lon());
            writer.flush(b, clock.instant());
            return new Stored(in, AlertOutcome.REVIEW, null, a.reply(), false);
        }
        Stored s = one(in, parsed, b, List.of(), LocalTime.MIDNIGHT, clock.instant());
        writer.flush(b, clock.instant());
        return s;
    }

    private Stored one(Inbound in, Parsed parsed, AlertBatch b, List<TriageRule> currentRules, LocalTime localNow, Instant now) {
        if (parsed instanceof Parsed.Rejected r) {
            String key = AlertBatch.key(r.source(), r.sourceId());
            if (b.seen.containsKey(key)) {
                return new Stored(in, AlertOutcome.REJECTED, null, r.reply(), true);
            }
            b.seen.put(key, null);
            b.rows.add(new AlertBatch.Row(null, r.source(), r.sourceId(), in.topic(), r.device(), AlertOutcome.REJECTED, r.reason(), null,
                    null, null, null, null, null, in));
            return new Stored(in, AlertOutcome.REJECTED, null, r.reply(), false);
        }
        Alert a = ((Parsed.Ok) parsed).alert();
        String key = AlertBatch.key(a.source(), a.sourceId());
        if (a.episodeEnd() && a.ignoreReason() == null && b.seen.containsKey(key)) {
            // the end of an alert episode already raised: kept, linked to its case, raises nothing
            Long caseId = b.seen.get(key);
            a = new Alert(a.source(), a.sourceId() + "/end", a.topic(), a.device(), a.kind(), a.labels(), a.zones(), a.classCode(),
                    a.confidence(), a.occurredAt(), a.lat(), a.lon(), null, a.frigateEventId(), a.description(), true, "alert episode ended", a.reply());
            key = AlertBatch.key(a.source(), a.sourceId());
            if (b.seen.containsKey(key)) {
                return new Stored(in, AlertOutcome.IGNORED, caseId, a.reply(), true);
            }
            b.seen.put(key, caseId);
            b.add(a, in, AlertOutcome.IGNORED, a.ignoreReason(), caseId, null, null, null, null, null);
            return new Stored(in, AlertOutcome.IGNORED, caseId, a.reply(), false);
        }
        if (b.seen.containsKey(key)) {
            return new Stored(in, null, b.seen.get(key), a.reply(), true);
        }
        if (a.source() == AlertSource.FRIGATE_UPDATE) {
            Long enriched = TrackedObjectUpdates.enrich(a);
            b.seen.put(key, enriched);
            b.add(a, in, AlertOutcome.IGNORED, a.ignoreReason(), enriched, null, null, null, null, null);
            return new Stored(in, AlertOutcome.IGNORED, enriched, null, false);
        }
        AlertTriage.Decision d = AlertTriage.decide(a, currentRules, cameras::find, localNow);
        Stored stored = switch (d.action()) {
            case IGNORE -> {
                b.add(a, in, AlertOutcome.IGNORED, d.reason(), null, null, null, d.ruleId(), d.lat(), d.lon());
                yield new Stored(in, AlertOutcome.IGNORED, null, a.reply(), false);
            }
            case REVIEW -> review(a, in, d, d.reason(), b);
            case EVIDENCE -> evidence(a, in, d, b, now);
            case RAISE -> raise(a, in, d, b, now);
        };
        b.seen.put(key, stored.caseId());
        return stored;
    }

    private Stored review(Alert a, Inbound in, AlertTriage.Decision d, String reason, AlertBatch b) {
        b.add(a, in, AlertOutcome.REVIEW, reason, null, null, d.classCode(), d.ruleId(), d.lat(), d.lon());
        return new Stored(in, AlertOutcome.REVIEW, null, a.reply(), false);
    }

    private Stored evidence(Alert a, Inbound in, AlertTriage.Decision d, AlertBatch b, Instant now) {
        GeoLocation location = geocoder.locate(d.lat(), d.lon());
        DedupIndex.OpenCase near = dedup.nearAnyOpen(d.lat(), d.lon(), now, b.open);
        if (near == null) {
            b.add(a, in, AlertOutcome.REVIEW, "no open case within " + (long) cases.duplicateRadiusMeters() + " m of the photo",
                    null, location.gridCode(), null, null, d.lat(), d.lon());
            return new Stored(in, AlertOutcome.REVIEW, null, a.reply(), false);
        }
        b.add(a, in, AlertOutcome.EVIDENCE, null, near.id(), location.gridCode(), near.classCode(), null, d.lat(), d.lon());
        b.addEvidence(a, d, near.id());
        return new Stored(in, AlertOutcome.EVIDENCE, near.id(), a.reply(), false);
    }

    private Stored raise(Alert a, Inbound in, AlertTriage.Decision d, AlertBatch b, Instant now) {
        GeoLocation location = geocoder.locate(d.lat(), d.lon());
        if (!location.inCounty()) {
            return review(a, in, d, "the position " + d.lat() + "," + d.lon() + " is outside the county this centre serves", b);
        }
        if (!classKnown(d.classCode())) {
            return review(a, in, d, "unknown or inactive class " + d.classCode(), b);
        }
        DedupIndex.OpenCase near = dedup.nearOpen(d.classCode(), location.lat(), location.lon(), now, b.open);
        if (near != null) {
            b.repeats.merge(near.id(), 1, Integer::sum);
            b.add(a, in, AlertOutcome.MERGED, null, near.id(), location.gridCode(), d.classCode(), d.ruleId(), location.lat(), location.lon());
            b.addEvidence(a, d, near.id());
            return new Stored(in, AlertOutcome.MERGED, near.id(), a.reply(), false);
        }
        Actor system = new Actor(null, AlertAdapters.limit("告警 · " + (a.device() == null ? a.source().name() : a.device()), 100),
                EnumSet.noneOf(Role.class), null, true);
        CaseFile c = intake.report(new NewReport(a.kind() == AlertKind.DRONE ? CaseSource.DRONE : CaseSource.CAMERA, description(a),
                location.lat(), location.lon(), "wgs84", d.classCode(), null, null, null, null), system);
        String reason = null;
        if (d.autoFile()) {
            Long standard = d.standardId() != null ? d.standardId()
                    : FilingStandard.firstActiveId(d.classCode()).orElse(null);
            if (standard == null) {
                reason = "no active 立案条件 for " + d.classCode() + ": left for the acceptor";
            } else {
                actions.apply(c.id, CaseAction.ACCEPT, system, ActionInput.note("告警规则自动受理"));
                actions.apply(c.id, CaseAction.FILE, system, new ActionInput("告警规则自动立案", null, standard, null, null, null, null, null,
                        null, null, null, null, null));
            }
        }
        b.open.put(c.id, true);
        dedup.add(new DedupIndex.OpenCase(c.id, d.classCode(), location.lat(), location.lon(), c.createdAt));
        b.add(a, in, AlertOutcome.CREATED, reason, c.id, location.gridCode(), d.classCode(), d.ruleId(), location.lat(), location.lon());
        b.addEvidence(a, d, c.id);
        b.addReplay(a, d, c.id, in.receivedAt(), config.replayMargin());
        return new Stored(in, AlertOutcome.CREATED, c.id, a.reply(), false);
    }

    private static String description(Alert a) {
        String text = a.description() != null ? a.description()
                : "告警 " + (a.label() == null ? "" : a.label()) + (a.device() == null ? "" : " · " + a.device());
        if (a.source() == AlertSource.ONVIF) {
            return AlertAdapters.limit(text, 3900); // in words; the event key stays in the alert row
        }
        return AlertAdapters.limit(text + " [" + a.source().name().toLowerCase() + " " + a.sourceId() + "]", 3900);
    }

    private boolean classKnown(String ref) {
        if (knownClasses.containsKey(ref)) {
            return true;
        }
        boolean known = CaseClasses.find(ref).filter(c -> c.active).isPresent();
        if (known) {
            knownClasses.put(ref, true);
        }
        return known;
    }

    private List<TriageRule> rules() {
        List<TriageRule> current = rules;
        if (current == null) {
            current = AlertRule.ordered().stream().map(AlertRule::view).toList();
            rules = current;
        }
        return current;
    }

    /**
     * Whether the open cases the duplicate index offers for this batch are still open (closed, discarded or merged by
     * someone since the index was read): one query per batch instead of one per alert.
     */
    private void checkCandidates(List<Parsed> parsed, AlertBatch b, List<TriageRule> currentRules, LocalTime localNow, Instant now) {
        java.util.Set<Long> candidates = new java.util.HashSet<>();
        for (Parsed p : parsed) {
            if (!(p instanceof Parsed.Ok ok) || b.seen.containsKey(AlertBatch.key(ok.alert().source(), ok.alert().sourceId()))) {
                continue;
            }
            AlertTriage.Decision d = AlertTriage.decide(ok.alert(), currentRules, cameras::find, localNow);
            DedupIndex.OpenCase near = null;
            if (d.action() == AlertTriage.Action.RAISE) {
                near = dedup.near(d.classCode(), d.lat(), d.lon(), now);
            } else if (d.action() == AlertTriage.Action.EVIDENCE) {
                near = dedup.nearAny(d.lat(), d.lon(), now);
            }
            if (near != null) {
                candidates.add(near.id());
            }
        }
        dedup.checkOpen(candidates, b.open);
    }
}
