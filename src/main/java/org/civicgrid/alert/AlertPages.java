package org.civicgrid.alert;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.civicgrid.alert.AlertApi.AlertPage;
import org.civicgrid.alert.AlertApi.AlertView;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.cases.Actor;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 告警页 — {@code /alerts}: the link state, the acceptor's review queue (raise the case with class and position, or
 * ignore with a reason) and every alert with its outcome, filtered by outcome and source, each linked to its case and
 * its raw payload ({@code /alerts/{id}}).
 */
@Path("/alerts")
@RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
@Blocking
public class AlertPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListPage page);

        static native TemplateInstance detail(DetailPage page);
    }

    /** The list page; {@code time} formats in the site's zone. */
    public record ListPage(AlertPage alerts, List<AlertView> queue, boolean mayReview, boolean connected, int backlog, List<BrokerCheck.Finding> broker, String outcome,
            String source, String done, String error, ZoneId zone) {
        public String time(Instant at) {
            return at == null ? "" : DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(zone).format(at);
        }

        public int pages() {
            return (int) Math.max(1, (alerts.total() + alerts.size() - 1) / alerts.size());
        }

        public List<AlertOutcome> outcomes() {
            return List.of(AlertOutcome.values());
        }

        public List<AlertSource> sources() {
            return List.of(AlertSource.values());
        }

        public int pageNumber() {
            return alerts.page() + 1;
        }

        public boolean hasPrevious() {
            return alerts.page() > 0;
        }

        public boolean hasNext() {
            return alerts.page() + 1 < pages();
        }

        public String previousQuery() {
            return query(alerts.page() - 1);
        }

        public String nextQuery() {
            return query(alerts.page() + 1);
        }

        String query(int page) {
            return "?page=" + page + (outcome == null ? "" : "&outcome=" + outcome) + (source == null ? "" : "&source=" + source);
        }
    }

    /**
     * One alert with its raw payload and, while it waits in the review queue, the review form: the class picker and the
     * map point picker of /cases/new.
     */
    public record DetailPage(AlertView alert, ZoneId zone, boolean mayReview, String error, String errorField) {
        public String time(Instant at) {
            return at == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone).format(at);
        }

        /** Whether the review form is shown: the alert waits for review and the user may review. */
        public boolean reviewable() {
            return mayReview && alert.outcome() == AlertOutcome.REVIEW;
        }

        public List<org.civicgrid.catalog.CodeSystems.PickGroup> classGroups() {
            return reviewable() ? org.civicgrid.catalog.CodeSystems.groups() : List.of();
        }

        /** The alert's class as the picker names it (the active code system's counterpart of a legacy code). */
        public String pickedClass() {
            return alert.classCode() == null ? "" : org.civicgrid.catalog.CodeSystems.inActiveSystem(alert.classCode());
        }
    }

    private final AlertReview review;
    private final MqttLink link;
    private final AlertIngest ingest;
    private final CurrentUser user;
    private final ZoneId zone;

    AlertPages(AlertReview review, MqttLink link, AlertIngest ingest, CurrentUser user, ApplianceConfig appliance) {
        this.review = review;
        this.link = link;
        this.ingest = ingest;
        this.user = user;
        this.zone = ZoneId.of(appliance.timeZone());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String outcome, @RestQuery String source, @RestQuery Integer page, @RestQuery String done) {
        return page(outcome, source, page, done, null);
    }

    private TemplateInstance page(String outcome, String source, Integer page, String done, String error) {
        AlertOutcome o = parse(AlertOutcome.class, outcome);
        AlertSource s = parse(AlertSource.class, source);
        AlertPage alerts = AlertApi.query(o, s, null, null, null, null, page, 50);
        boolean mayReview = user.has(Role.ACCEPTOR) || user.has(Role.SHIFT_LEAD);
        List<AlertView> queue = AlertApi.query(AlertOutcome.REVIEW, null, null, null, null, null, 0, 20).items();
        return Templates.list(new ListPage(alerts, queue, mayReview, link.connected(), ingest.backlog(), link.brokerFindings(), o == null ? null : o.name(),
                s == null ? null : s.name(), done, error, zone));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") long id) {
        return detailPage(id, null);
    }

    private TemplateInstance detailPage(long id, Problem problem) {
        boolean mayReview = user.has(Role.ACCEPTOR) || user.has(Role.SHIFT_LEAD);
        return Templates.detail(new DetailPage(AlertView.of(AlertMessage.<AlertMessage>findByIdOptional(id)
                .orElseThrow(() -> Problem.notFound("alert " + id)), true), zone, mayReview,
                problem == null ? null : problem.getMessage(), problem == null ? null : problem.field()));
    }

    @POST
    @Path("{id}/raise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD})
    public Response raise(@PathParam("id") long id, @RestForm String classCode, @RestForm String lat, @RestForm String lon) {
        try {
            AlertMessage m = review.raiseFromReview(id, new AlertReview.ReviewRaise(classCode, number(lat, "lat"), number(lon, "lon"), null), Actor.of(user));
            return Response.seeOther(URI.create("/alerts?done=" + URLEncoder.encode(m.outcome.name() + " #" + m.caseId, StandardCharsets.UTF_8))).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(detailPage(id, problem)).build();
        }
    }

    @POST
    @Path("{id}/ignore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD})
    public Response ignore(@PathParam("id") long id, @RestForm String note) {
        try {
            AlertMessage m = review.ignoreFromReview(id, note, Actor.of(user));
            return Response.seeOther(URI.create("/alerts?done=" + m.outcome.name())).build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(null, null, 0, null, problem.getMessage())).build();
        }
    }

    private static Double number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest(field, field + " '" + text + "' is not a decimal degree");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(type.getSimpleName(), "unknown value " + value);
        }
    }
}
