package org.civicgrid.evaluation.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicgrid.evaluation.Adjustment;
import org.civicgrid.evaluation.Adjustments;
import org.civicgrid.evaluation.Evaluation;
import org.civicgrid.evaluation.EvaluationObject;
import org.civicgrid.evaluation.EvaluationPeriod;
import org.civicgrid.evaluation.EvaluationTable;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 加分/扣分与申诉裁决页 — {@code /evaluation/entries}: one object type and period with the computed score, the approved
 * points and the adjusted score side by side, every signed entry (加分/扣分 and 申诉) with its decision, the form of a
 * new 加分/扣分 (值班长, 领导) and the decision forms (领导 approves a 加分/扣分; 值班长 or 领导 decide an appeal).
 */
@Path("/evaluation/entries")
@RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
@Blocking
public class EntryPages {

    /** One entry with its decision (null while pending) and the case it names. */
    public record Line(Adjustment entry, Adjustment decision, String caseNumber, String objectName) {
        public boolean pending() {
            return decision == null;
        }

        public boolean approved() {
            return decision != null && decision.approvedBy != null;
        }
    }

    /** What the user typed, shown again when refused. */
    public record Form(String key, String direction, String points, String reason, String caseNumber) {
        static final Form EMPTY = new Form("", "minus", "", "", "");
    }

    public record Page(EvaluationObject object, List<EvaluationObject> objects, String period, EvaluationTable table, Map<String, Long> pending,
            List<Line> lines, boolean mayPropose, boolean mayApprove, boolean mayDecideAppeals, Form form, String done, String error,
            Long failedId) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entries(Page page);
    }

    private final Adjustments adjustments;
    private final Evaluation evaluation;
    private final CurrentUser user;
    private final Clock clock;
    private final RoutingContext http;

    EntryPages(Adjustments adjustments, Evaluation evaluation, CurrentUser user, Clock clock, RoutingContext http) {
        this.adjustments = adjustments;
        this.evaluation = evaluation;
        this.user = user;
        this.clock = clock;
        this.http = http;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestQuery String object, @RestQuery String period, @RestQuery String done) {
        return page(object, period, Form.EMPTY, done, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD})
    public Response propose(@RestForm String object, @RestForm String period, @RestForm String key, @RestForm String direction,
            @RestForm String points, @RestForm String reason, @RestForm String caseNumber) {
        Form form = new Form(key, direction, points, reason, caseNumber);
        try {
            Double signed = DeskForms.number(points, "points");
            if (signed != null && "minus".equals(direction)) {
                signed = -Math.abs(signed);
            }
            Long caseId = caseNumber == null || caseNumber.isBlank() ? null : DeskForms.caseId(caseNumber);
            adjustments.propose(new Adjustments.EntryInput(object, key, period, signed, reason, caseId), user);
            return back(object, period, "proposed");
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(object, period, form, null, DeskErrors.text(problem, http), null)).build();
        }
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD})
    public Response decide(@PathParam("id") long id, @RestForm String object, @RestForm String period, @RestForm String approve,
            @RestForm String points, @RestForm String reason) {
        try {
            Boolean yes = approve == null ? null : Boolean.valueOf(approve);
            adjustments.decide(id, new Adjustments.DecisionInput(yes, DeskForms.number(points, "points"), reason), user);
            return back(object, period, "decided");
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(object, period, Form.EMPTY, null, DeskErrors.text(problem, http), id)).build();
        }
    }

    @Transactional
    TemplateInstance page(String object, String period, Form form, String done, String error, Long failedId) {
        EvaluationObject o = DeskForms.object(object);
        EvaluationPeriod p = EvaluationPeriod.parse(period, null, null, clock, evaluation.zone());
        EvaluationTable table = evaluation.table(o, p, DeskForms.english(http));
        Map<String, String> names = evaluation.names(o);
        List<Adjustment> all = adjustments.list(o, p.label());
        List<Line> lines = all.stream().filter(a -> a.kind != Adjustment.Kind.DECISION)
                .map(a -> new Line(a, all.stream().filter(d -> a.id.equals(d.decidesId)).findFirst().orElse(null), DeskForms.caseNumber(a.caseId),
                        names.getOrDefault(a.objectKey, a.objectKey)))
                .sorted((x, y) -> Long.compare(y.entry().id, x.entry().id)).toList();
        Map<String, Long> pending = lines.stream().filter(Line::pending)
                .collect(Collectors.groupingBy(l -> l.entry().objectKey, Collectors.counting()));
        boolean leader = user.has(Role.LEADER);
        return Templates.entries(new Page(o, List.of(EvaluationObject.values()), p.label(), table, pending, lines, leader || user.has(Role.SHIFT_LEAD),
                leader, leader || user.has(Role.SHIFT_LEAD), form, done, error, failedId));
    }

    private static Response back(String object, String period, String done) {
        return Response.seeOther(URI.create("/evaluation/entries?object=" + DeskForms.object(object).apiName() + "&period="
                + URLEncoder.encode(period == null ? "" : period.trim(), StandardCharsets.UTF_8) + "&done=" + done)).build();
    }
}
