package org.civicgrid.alert;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.civicgrid.cases.NewReport;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.catalog.FilingStandard;
import org.civicgrid.grid.GeoLocation;
import org.civicgrid.grid.Geocoder;
import org.civicgrid.org.Role;

/**
 * 告警入库 — writes a batch of received alerts in ONE transaction: parse, idempotency (one query per batch against the
 * unique source id), triage, duplicate check in memory, cases raised through {@link CaseIntake} (and auto-filed through
 * {@link CaseActions} as the system), then one batched insert per table and one batched 重复发案 update. The caller
 * acknowledges the MQTT messages only after this returns (committed).
 */
@ApplicationScoped
public class AlertStore {

    /** One message to store: topic and raw payload, or an alert raised inside the appliance (ONVIF) already parsed. */
    public record Inbound(String topic, byte[] payload, Instant receivedAt, Parsed parsed) {
    }

    /** What became of one inbound message; {@code duplicate} when it was stored before (a redelivery). */
    public record Stored(Inbound inbound, AlertOutcome outcome, Long caseId, Alert.Reply reply, boolean duplicate) {
    }

    private static final String INSERT_ALERT = "INSERT INTO alert_message (source, source_id, topic, device, kind, label, zones,"
            + " confidence, occurred_at, received_at, lat, lon, grid_code, class_code, rule_id, outcome, reason, case_id, payload,"
            + " payload_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVIDENCE = "INSERT INTO alert_evidence (alert_id, case_id, url, camera_id, lat, lon, status,"
            + " attempts, next_try_at, created_at) SELECT id, ?, ?, ?, ?, ?, ?, 0, ?, ? FROM alert_message WHERE source = ? AND source_id = ?";

    private final AlertConfig config;
    private final CasesConfig cases;
    private final MqttConfig mqtt;
    private final CaseIntake intake;
    private final CaseActions actions;
    private final Geocoder geocoder;
    private final CameraDirectory cameras;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final AlertAdapters adapters;
    private final DedupCache dedup;
    private final Map<String, Boolean> knownClasses = new ConcurrentHashMap<>();
    private volatile List<TriageRule> rules;

    AlertStore(AlertConfig config, CasesConfig cases, MqttConfig mqtt, CaseIntake intake, CaseActions actions, Geocoder geocoder,
            CameraDirectory cameras, AgroalDataSource dataSource, DedupCache dedup, Clock clock) {
        this.config = config;
        this.cases = cases;
        this.mqtt = mqtt;
        this.intake = intake;
        this.actions = actions;
        this.geocoder = geocoder;
        this.cameras = cameras;
        this.dataSource = dataSource;
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

    private final class Batch {
        final List<Row> rows = new ArrayList<>();
        final List<Evidence> evidence = new ArrayList<>();
        final Map<Long, Integer> repeats = new LinkedHashMap<>();
        final Map<String, Long> seen = new HashMap<>();
        final Map<Long, Boolean> open = new HashMap<>();
    }

    private record Row(Alert alert, AlertSource source, String sourceId, String topic, String device, AlertOutcome outcome,
            String reason, Long caseId, String gridCode, String classCode, Long ruleId, Double lat, Double lon, Inbound in) {
    }

    private record Evidence(AlertSource source, String sourceId, long caseId, String url, Long cameraId, Double lat, Double lon) {
    }

    @Transactional
    @SingleWriter
    public List<Stored> write(List<Inbound> inbound) {
        Instant now = clock.instant();
        dedup.refresh(now);
        List<TriageRule> currentRules = rules();
        LocalTime localNow = LocalTime.ofInstant(now, clock.getZone());
        List<Parsed> parsed = inbound.stream().map(in -> in.parsed() != null ? in.parsed() : adapters.parse(in.topic(), in.payload())).toList();
        Batch b = new Batch();
        b.seen.putAll(existing(parsed));
        checkCandidates(parsed, b, currentRules, localNow, now);
        List<Stored> out = new ArrayList<>(inbound.size());
        for (int i = 0; i < inbound.size(); i++) {
            out.add(one(inbound.get(i), parsed.get(i), b, currentRules, localNow, now));
        }
        flush(b, now);
        return out;
    }

    /** Stores one message that could not be processed as REVIEW with the error (or nothing, when it was stored before). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SingleWriter
    public Stored keepForReview(Inbound in, String reason) {
        Parsed parsed = in.parsed() != null ? in.parsed() : adapters.parse(in.topic(), in.payload());
        Batch b = new Batch();
        b.seen.putAll(existing(List.of(parsed)));
        if (parsed instanceof Parsed.Ok ok) {
            Alert a = ok.alert();
            if (b.seen.containsKey(key(a.source(), a.sourceId()))) {
                return new Stored(in, AlertOutcome.REVIEW, null, a.reply(), true);
            }
            b.rows.add(row(a, in, AlertOutcome.REVIEW, reason, null, null, null, null, a.lat(), a.lon()));
            flush(b, clock.instant());
            return new Stored(in, AlertOutcome.REVIEW, null, a.reply(), false);
        }
        Stored s = one(in, parsed, b, List.of(), LocalTime.MIDNIGHT, clock.instant());
        flush(b, clock.instant());
        return s;
    }

    private Stored one(Inbound in, Parsed parsed, Batch b, List<TriageRule> currentRules, LocalTime localNow, Instant now) {
        if (parsed instanceof Parsed.Rejected r) {
            String key = key(r.source(), r.sourceId());
            if (b.seen.containsKey(key)) {
                return new Stored(in, AlertOutcome.REJECTED, null, null, true);
            }
            b.seen.put(key, null);
            b.rows.add(new Row(null, r.source(), r.sourceId(), in.topic(), r.device(), AlertOutcome.REJECTED, r.reason(), null, null, null,
                    null, null, null, in));
            return new Stored(in, AlertOutcome.REJECTED, null, null, false);
        }
        Alert a = ((Parsed.Ok) parsed).alert();
        String key = key(a.source(), a.sourceId());
        if (a.episodeEnd() && a.ignoreReason() == null && b.seen.containsKey(key)) {
            // the end of an alert episode already raised: kept, linked to its case, raises nothing
            Long caseId = b.seen.get(key);
            a = new Alert(a.source(), a.sourceId() + "/end", a.topic(), a.device(), a.kind(), a.labels(), a.zones(), a.classCode(),
                    a.confidence(), a.occurredAt(), a.lat(), a.lon(), null, a.frigateEventId(), a.description(), true, "alert episode ended", a.reply());
            key = key(a.source(), a.sourceId());
            if (b.seen.containsKey(key)) {
                return new Stored(in, AlertOutcome.IGNORED, caseId, a.reply(), true);
            }
            b.seen.put(key, caseId);
            b.rows.add(row(a, in, AlertOutcome.IGNORED, a.ignoreReason(), caseId, null, null, null, null, null));
            return new Stored(in, AlertOutcome.IGNORED, caseId, a.reply(), false);
        }
        if (b.seen.containsKey(key)) {
            return new Stored(in, null, b.seen.get(key), a.reply(), true);
        }
        AlertTriage.Decision d = AlertTriage.decide(a, currentRules, cameras::find, localNow);
        Stored stored = switch (d.action()) {
            case IGNORE -> {
                b.rows.add(row(a, in, AlertOutcome.IGNORED, d.reason(), null, null, null, d.ruleId(), d.lat(), d.lon()));
                yield new Stored(in, AlertOutcome.IGNORED, null, a.reply(), false);
            }
            case REVIEW -> review(a, in, d, d.reason(), b);
            case EVIDENCE -> evidence(a, in, d, b, now);
            case RAISE -> raise(a, in, d, b, now);
        };
        b.seen.put(key, stored.caseId());
        return stored;
    }

    private Stored review(Alert a, Inbound in, AlertTriage.Decision d, String reason, Batch b) {
        b.rows.add(row(a, in, AlertOutcome.REVIEW, reason, null, null, d.classCode(), d.ruleId(), d.lat(), d.lon()));
        return new Stored(in, AlertOutcome.REVIEW, null, a.reply(), false);
    }

    private Stored evidence(Alert a, Inbound in, AlertTriage.Decision d, Batch b, Instant now) {
        GeoLocation location = geocoder.locate(d.lat(), d.lon());
        DedupIndex.OpenCase near = dedup.nearAnyOpen(d.lat(), d.lon(), now, b.open);
        if (near == null) {
            b.rows.add(row(a, in, AlertOutcome.REVIEW, "no open case within " + (long) cases.duplicateRadiusMeters() + " m of the photo",
                    null, location.gridCode(), null, null, d.lat(), d.lon()));
            return new Stored(in, AlertOutcome.REVIEW, null, a.reply(), false);
        }
        b.rows.add(row(a, in, AlertOutcome.EVIDENCE, null, near.id(), location.gridCode(), near.classCode(), null, d.lat(), d.lon()));
        addEvidence(a, d, near.id(), b);
        return new Stored(in, AlertOutcome.EVIDENCE, near.id(), a.reply(), false);
    }

    private Stored raise(Alert a, Inbound in, AlertTriage.Decision d, Batch b, Instant now) {
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
            b.rows.add(row(a, in, AlertOutcome.MERGED, null, near.id(), location.gridCode(), d.classCode(), d.ruleId(), location.lat(), location.lon()));
            addEvidence(a, d, near.id(), b);
            return new Stored(in, AlertOutcome.MERGED, near.id(), a.reply(), false);
        }
        Actor system = new Actor(null, AlertAdapters.limit("告警 · " + (a.device() == null ? a.source().name() : a.device()), 100),
                EnumSet.noneOf(Role.class), null, true);
        CaseFile c = intake.report(new NewReport(a.kind() == AlertKind.DRONE ? CaseSource.DRONE : CaseSource.CAMERA, description(a),
                location.lat(), location.lon(), "wgs84", d.classCode(), null, null, null, null), system);
        String reason = null;
        if (d.autoFile()) {
            Long standard = d.standardId() != null ? d.standardId()
                    : FilingStandard.forClass(d.classCode()).stream().findFirst().map(s -> s.id).orElse(null);
            if (standard == null) {
                reason = "no active 立案条件 for " + d.classCode() + ": left for the acceptor";
            } else {
                actions.apply(c.id, CaseAction.ACCEPT, system, ActionInput.note("告警规则自动受理"));
                actions.apply(c.id, CaseAction.FILE, system, new ActionInput("告警规则自动立案", null, standard, null, null, null, null, null,
                        null, null, null, null));
            }
        }
        b.open.put(c.id, true);
        dedup.add(new DedupIndex.OpenCase(c.id, d.classCode(), location.lat(), location.lon(), c.createdAt));
        b.rows.add(row(a, in, AlertOutcome.CREATED, reason, c.id, location.gridCode(), d.classCode(), d.ruleId(), location.lat(), location.lon()));
        addEvidence(a, d, c.id, b);
        return new Stored(in, AlertOutcome.CREATED, c.id, a.reply(), false);
    }

    private static String description(Alert a) {
        String text = a.description() != null ? a.description()
                : "告警 " + (a.label() == null ? "" : a.label()) + (a.device() == null ? "" : " · " + a.device());
        return AlertAdapters.limit(text + " [" + a.source().name().toLowerCase() + " " + a.sourceId() + "]", 3900);
    }

    private void addEvidence(Alert a, AlertTriage.Decision d, long caseId, Batch b) {
        if (a.snapshotUrl() != null || d.cameraId() != null || a.located()) {
            b.evidence.add(new Evidence(a.source(), a.sourceId(), caseId, a.snapshotUrl(),
                    a.snapshotUrl() == null && a.kind() == AlertKind.CAMERA ? d.cameraId() : null, a.lat(), a.lon()));
        }
    }

    private Row row(Alert a, Inbound in, AlertOutcome outcome, String reason, Long caseId, String grid, String classCode, Long ruleId,
            Double lat, Double lon) {
        return new Row(a, a.source(), a.sourceId(), in.topic(), a.device(), outcome, reason, caseId, grid, classCode, ruleId, lat, lon, in);
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

    /** Keys of this batch already stored, with their case: one indexed query per source and batch. */
    private Map<String, Long> existing(List<Parsed> parsed) {
        Map<AlertSource, List<String>> ids = new java.util.EnumMap<>(AlertSource.class);
        for (Parsed p : parsed) {
            if (p instanceof Parsed.Ok ok) {
                List<String> list = ids.computeIfAbsent(ok.alert().source(), k -> new ArrayList<>());
                list.add(ok.alert().sourceId());
                if (ok.alert().episodeEnd()) {
                    list.add(ok.alert().sourceId() + "/end");
                }
            } else if (p instanceof Parsed.Rejected r) {
                ids.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r.sourceId());
            }
        }
        Map<String, Long> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<AlertSource, List<String>> e : ids.entrySet()) {
                List<String> all = e.getValue();
                for (int from = 0; from < all.size(); from += 400) {
                    List<String> chunk = all.subList(from, Math.min(all.size(), from + 400));
                    String sql = "SELECT source_id, case_id FROM alert_message WHERE source = ? AND source_id IN ("
                            + "?,".repeat(chunk.size() - 1) + "?)";
                    try (PreparedStatement ps = connection.prepareStatement(sql)) {
                        ps.setString(1, e.getKey().name());
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setString(i + 2, chunk.get(i));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                long caseId = rs.getLong(2);
                                found.put(key(e.getKey(), rs.getString(1)), rs.wasNull() ? null : caseId);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up stored alerts", e);
        }
        return found;
    }

    /**
     * Whether the open cases the duplicate index offers for this batch are still open (closed, discarded or merged by
     * someone since the index was read): one query per batch instead of one per alert.
     */
    private void checkCandidates(List<Parsed> parsed, Batch b, List<TriageRule> currentRules, LocalTime localNow, Instant now) {
        java.util.Set<Long> candidates = new java.util.HashSet<>();
        for (Parsed p : parsed) {
            if (!(p instanceof Parsed.Ok ok) || b.seen.containsKey(key(ok.alert().source(), ok.alert().sourceId()))) {
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

    private void flush(Batch b, Instant now) {
        if (b.rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ps = connection.prepareStatement(INSERT_ALERT)) {
                for (Row r : b.rows) {
                    Alert a = r.alert();
                    ps.setString(1, r.source().name());
                    ps.setString(2, r.sourceId());
                    ps.setString(3, AlertAdapters.limit(r.topic(), 300));
                    ps.setString(4, AlertAdapters.limit(r.device(), 100));
                    ps.setString(5, a == null ? null : a.kind().name());
                    ps.setString(6, a == null ? null : AlertAdapters.limit(a.label(), 200));
                    ps.setString(7, a == null || a.zones().isEmpty() ? null : AlertAdapters.limit(String.join(",", a.zones()), 300));
                    setDouble(ps, 8, a == null ? null : a.confidence());
                    ps.setTimestamp(9, a == null || a.occurredAt() == null ? null : Timestamp.from(a.occurredAt()));
                    ps.setTimestamp(10, Timestamp.from(r.in().receivedAt()));
                    setDouble(ps, 11, r.lat());
                    setDouble(ps, 12, r.lon());
                    ps.setString(13, r.gridCode());
                    ps.setString(14, r.classCode());
                    setLong(ps, 15, r.ruleId());
                    ps.setString(16, r.outcome().name());
                    ps.setString(17, AlertAdapters.limit(r.reason(), 500));
                    setLong(ps, 18, r.caseId());
                    byte[] raw = r.in().payload();
                    ps.setString(19, raw == null ? describe(r.in()) : text(raw, config.maxPayloadBytes()));
                    ps.setInt(20, raw == null ? 0 : raw.length);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (!b.evidence.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(INSERT_EVIDENCE)) {
                    for (Evidence e : b.evidence) {
                        boolean fetch = e.url() != null || e.cameraId() != null;
                        ps.setLong(1, e.caseId());
                        ps.setString(2, e.url());
                        setLong(ps, 3, e.cameraId());
                        setDouble(ps, 4, e.lat());
                        setDouble(ps, 5, e.lon());
                        ps.setString(6, fetch ? "PENDING" : "LINK");
                        ps.setTimestamp(7, fetch ? Timestamp.from(now) : null);
                        ps.setTimestamp(8, Timestamp.from(now));
                        ps.setString(9, e.source().name());
                        ps.setString(10, e.sourceId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!b.repeats.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE case_file SET repeat_count = repeat_count + ? WHERE id = ?")) {
                    for (Map.Entry<Long, Integer> e : b.repeats.entrySet()) {
                        ps.setInt(1, e.getValue());
                        ps.setLong(2, e.getKey());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store alerts: " + e.getMessage(), e);
        }
    }

    private static String describe(Inbound in) {
        return in.parsed() instanceof Parsed.Ok ok ? ok.alert().description() == null ? ok.alert().sourceId() : ok.alert().description() : "";
    }

    /** The raw payload as text, cut to {@code max} bytes; bytes that are not UTF-8 become U+FFFD, NUL becomes U+FFFD too. */
    static String text(byte[] raw, int max) {
        int n = Math.min(raw.length, max);
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(raw, 0, n)).toString();
        } catch (CharacterCodingException e) {
            s = new String(raw, 0, n, StandardCharsets.ISO_8859_1);
        }
        return s.replace('\u0000', '\uFFFD');
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    static String key(AlertSource source, String sourceId) {
        return source.name() + "|" + sourceId;
    }
}
