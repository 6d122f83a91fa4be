package org.civicgrid.hub;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.civicgrid.evaluation.EvaluationPeriod;
import org.civicgrid.evaluation.EvaluationTexts;
import org.civicgrid.evaluation.Indicator;
import org.civicgrid.org.Role;
import org.civicgrid.web.PageContext;
import org.civicgrid.web.Problem;

/**
 * 跨镇综合评价接口 — {@code GET /api/hub/evaluation?period=2026-11} (or {@code 2026-W48}, or {@code from}/{@code to}
 * days): the sites ranked ({@link HubEvaluation}); the same table as xlsx and CSV ({@code export.xlsx},
 * {@code export.csv}); the hub cases behind one figure ({@code cases?site=&indicator=}). For the hub's leaders and
 * admins, as the hub's other pages.
 */
@Path("/api/hub/evaluation")
@RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
@Blocking
public class HubEvaluationApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A case behind a figure: the hub's id, the site's own case id and number. */
    public record CaseRef(long id, String siteId, long edgeCaseId, String caseNumber, String stage, boolean counted) {
    }

    private final HubEvaluation evaluation;
    private final RoutingContext http;

    HubEvaluationApi(HubEvaluation evaluation, RoutingContext http) {
        this.evaluation = evaluation;
        this.http = http;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public HubEvaluation.Table table(@QueryParam("period") String period, @QueryParam("from") String from, @QueryParam("to") String to) {
        return evaluation.table(evaluation.period(period, from, to), english());
    }

    @GET
    @Path("export.xlsx")
    public Response xlsx(@QueryParam("period") String period, @QueryParam("from") String from, @QueryParam("to") String to) {
        HubEvaluation.Table table = evaluation.table(evaluation.period(period, from, to), english());
        return Response.ok(HubEvaluationExport.xlsx(table, evalTexts(), HubEvaluation.texts(english())), XLSX)
                .header("Content-Disposition", disposition(table, "xlsx")).build();
    }

    @GET
    @Path("export.csv")
    public Response csv(@QueryParam("period") String period, @QueryParam("from") String from, @QueryParam("to") String to) {
        HubEvaluation.Table table = evaluation.table(evaluation.period(period, from, to), english());
        return Response.ok(HubEvaluationExport.csv(table, evalTexts(), HubEvaluation.texts(english())), "text/csv; charset=UTF-8")
                .header("Content-Disposition", disposition(table, "csv")).build();
    }

    /** The hub cases behind one figure of one site (a rate: the cases of its denominator, {@code counted} those of its numerator). */
    @GET
    @Path("cases")
    @Produces(MediaType.APPLICATION_JSON)
    public List<CaseRef> cases(@QueryParam("site") String site, @QueryParam("indicator") String indicator, @QueryParam("period") String period,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return drill(evaluation, site, indicator, evaluation.period(period, from, to));
    }

    static List<CaseRef> drill(HubEvaluation evaluation, String site, String indicator, EvaluationPeriod p) {
        if (site == null || site.isBlank()) {
            throw Problem.badRequest("site", "required");
        }
        Indicator asked = indicator(indicator);
        Indicator count = asked.isRate() ? asked.denominator() : asked;
        List<Long> ids = evaluation.caseIds(site.trim(), count, p.from(), p.to(), HubEvaluation.DRILL_LIMIT);
        java.util.Set<Long> counted = asked.isRate()
                ? new java.util.HashSet<>(evaluation.caseIds(site.trim(), asked.numerator(), p.from(), p.to(), HubEvaluation.DRILL_LIMIT))
                : java.util.Set.copyOf(ids);
        return ids.isEmpty() ? List.of() : HubCase.<HubCase>list("id in ?1 order by id", ids).stream()
                .map(c -> new CaseRef(c.id, c.siteId, c.edgeCaseId, c.caseNumber, c.stage, counted.contains(c.id))).toList();
    }

    /** An indicator the hub has figures for (400 otherwise, with why). */
    static Indicator indicator(String code) {
        Indicator i = Indicator.of(code == null ? "" : code.trim())
                .orElseThrow(() -> Problem.badRequest("indicator", "no indicator " + code));
        if (!HubEvaluation.known(i)) {
            throw Problem.badRequest("indicator", "the hub has no figure for " + i.code());
        }
        return i;
    }

    private boolean english() {
        return "en".equals(PageContext.locale(http).getLanguage());
    }

    private EvaluationTexts evalTexts() {
        return MessageBundles.get(EvaluationTexts.class, Localized.Literal.of(english() ? "en" : "zh"));
    }

    private static String disposition(HubEvaluation.Table table, String ext) {
        return "attachment; filename=\"hub-evaluation-" + table.period().replace('~', '_') + "." + ext + "\"";
    }
}
