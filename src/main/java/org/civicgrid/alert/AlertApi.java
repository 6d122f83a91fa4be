package org.civicgrid.alert;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 告警接口 — {@code GET /api/alerts?outcome=&source=&device=&from=&to=&page=&size=} every received alert with its
 * outcome and case; {@code GET /api/alerts/{id}} with the raw payload; the acceptor's review queue:
 * {@code POST /api/alerts/{id}/raise {classCode, lat?, lon?, description?}} and {@code POST /api/alerts/{id}/ignore {note}};
 * {@code GET /api/alerts/status} the MQTT link and backlog.
 */
@Path("/api/alerts")
@RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
public class AlertApi {

    /** One alert as listed ({@code payload} only when asked for one alert). */
    public record AlertView(Long id, AlertSource source, String sourceId, String topic, String device, AlertKind kind, String label,
            String zones, Double confidence, Instant occurredAt, Instant receivedAt, Double lat, Double lon, String gridCode,
            String classCode, Long ruleId, AlertOutcome outcome, String reason, Long caseId, String caseNumber, int payloadBytes,
            String decidedBy, Instant decidedAt, String payload) {

        static AlertView of(AlertMessage m, boolean withPayload) {
            String number = m.caseId == null ? null : CaseFile.<CaseFile>findByIdOptional(m.caseId).map(c -> c.number).orElse(null);
            return new AlertView(m.id, m.source, m.sourceId, m.topic, m.device, m.kind, m.label, m.zones, m.confidence, m.occurredAt,
                    m.receivedAt, m.lat, m.lon, m.gridCode, m.classCode, m.ruleId, m.outcome, m.reason, m.caseId, number, m.payloadBytes,
                    m.decidedBy, m.decidedAt, withPayload ? m.payload : null);
        }
    }

    /** A page of alerts. */
    public record AlertPage(long total, int page, int size, List<AlertView> items) {
    }

    /** The link and the queue. */
    public record Status(boolean mqttEnabled, boolean connected, int backlog, long review, List<BrokerCheck.Finding> broker) {
    }

    /** Reason to ignore. */
    public record Note(String note) {
    }

    private final AlertReview review;
    private final MqttLink link;
    private final MqttConfig mqtt;
    private final AlertIngest ingest;
    private final CurrentUser user;

    AlertApi(AlertReview review, MqttLink link, MqttConfig mqtt, AlertIngest ingest, CurrentUser user) {
        this.review = review;
        this.link = link;
        this.mqtt = mqtt;
        this.ingest = ingest;
        this.user = user;
    }

    @GET
    public AlertPage list(@RestQuery AlertOutcome outcome, @RestQuery AlertSource source, @RestQuery String device,
            @RestQuery Long caseId, @RestQuery Instant from, @RestQuery Instant to, @RestQuery Integer page, @RestQuery Integer size) {
        return query(outcome, source, device, caseId, from, to, page, size);
    }

    static AlertPage query(AlertOutcome outcome, AlertSource source, String device, Long caseId, Instant from, Instant to, Integer page,
            Integer size) {
        int p = page == null || page < 0 ? 0 : page;
        int s = size == null ? 50 : size;
        if (s < 1 || s > 500) {
            throw Problem.badRequest("size", "between 1 and 500");
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (outcome != null) {
            where.add("outcome = :outcome");
            params.and("outcome", outcome);
        }
        if (source != null) {
            where.add("source = :source");
            params.and("source", source);
        }
        if (device != null && !device.isBlank()) {
            where.add("device = :device");
            params.and("device", device.trim());
        }
        if (caseId != null) {
            where.add("caseId = :caseId");
            params.and("caseId", caseId);
        }
        if (from != null) {
            where.add("receivedAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.add("receivedAt < :to");
            params.and("to", to);
        }
        var q = AlertMessage.<AlertMessage>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where), Sort.descending("id"), params);
        long total = q.count();
        List<AlertView> items = q.page(Page.of(p, s)).list().stream().map(m -> AlertView.of(m, false)).toList();
        return new AlertPage(total, p, s, items);
    }

    @GET
    @Path("{id}")
    public AlertView one(@PathParam("id") long id) {
        return AlertView.of(AlertMessage.<AlertMessage>findByIdOptional(id).orElseThrow(() -> Problem.notFound("alert " + id)), true);
    }

    @GET
    @Path("status")
    public Status status() {
        return new Status(mqtt.enabled(), link.connected(), ingest.backlog(), AlertMessage.count("outcome", AlertOutcome.REVIEW), link.brokerFindings());
    }

    @POST
    @Path("{id}/raise")
    @RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD})
    public AlertView raise(@PathParam("id") long id, AlertReview.ReviewRaise body) {
        return AlertView.of(review.raiseFromReview(id, body, Actor.of(user)), false);
    }

    @POST
    @Path("{id}/ignore")
    @RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD})
    public AlertView ignore(@PathParam("id") long id, Note body) {
        return AlertView.of(review.ignoreFromReview(id, body == null ? null : body.note(), Actor.of(user)), false);
    }
}
