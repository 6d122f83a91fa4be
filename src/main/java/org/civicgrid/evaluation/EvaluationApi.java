package org.civicgrid.evaluation;

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
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.civicgrid.org.Role;
import org.civicgrid.web.PageContext;
import org.civicgrid.web.Problem;

/**
 * 综合评价接口 — {@code GET /api/evaluation?object=department|street|community|grid|post|county&period=2026-11} (or
 * {@code from}/{@code to} days), the same table as xlsx and CSV ({@code /api/evaluation/export.xlsx}, {@code export.csv}),
 * and the cases behind one figure ({@code /api/evaluation/cases}). For the centre's leaders and shift leads.
 */
@Path("/api/evaluation")
@RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
@Blocking
public class EvaluationApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int DRILL_LIMIT = 500;

    private final Evaluation evaluation;
    private final EvaluationQueries queries;
    private final Clock clock;
    private final RoutingContext http;

    EvaluationApi(Evaluation evaluation, EvaluationQueries queries, Clock clock, RoutingContext http) {
        this.evaluation = evaluation;
        this.queries = queries;
        this.clock = clock;
        this.http = http;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public EvaluationTable table(@QueryParam("object") String object, @QueryParam("period") String period, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return evaluation.table(object(object), period(period, from, to), english());
    }

    @GET
    @Path("export.xlsx")
    public Response xlsx(@QueryParam("object") String object, @QueryParam("period") String period, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        EvaluationTable table = evaluation.table(object(object), period(period, from, to), english());
        return Response.ok(EvaluationExport.xlsx(table, texts()), XLSX).header("Content-Disposition", disposition(table, "xlsx")).build();
    }

    @GET
    @Path("export.csv")
    public Response csv(@QueryParam("object") String object, @QueryParam("period") String period, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        EvaluationTable table = evaluation.table(object(object), period(period, from, to), english());
        return Response.ok(EvaluationExport.csv(table, texts()), "text/csv; charset=UTF-8").header("Content-Disposition", disposition(table, "csv")).build();
    }

    /** The ids of the cases behind one figure of the table (at most {@value #DRILL_LIMIT}). */
    @GET
    @Path("cases")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Long> cases(@QueryParam("object") String object, @QueryParam("key") String key, @QueryParam("indicator") String indicator,
            @QueryParam("period") String period, @QueryParam("from") String from, @QueryParam("to") String to) {
        EvaluationPeriod p = period(period, from, to);
        return queries.caseIds(object(object), required(key), count(indicator), p.from(), p.to(), DRILL_LIMIT);
    }

    static EvaluationObject object(String name) {
        if (name == null || name.isBlank()) {
            return EvaluationObject.DEPARTMENT;
        }
        return EvaluationObject.of(name).orElseThrow(() -> Problem.badRequest("object", "object is one of department, street, community, grid, post, county"));
    }

    /** A count indicator: a rate drills into the cases it is taken over, its denominator. */
    static Indicator count(String code) {
        Indicator i = Indicator.of(code == null ? "" : code).orElseThrow(() -> Problem.badRequest("indicator", "no indicator " + code));
        return i.isRate() ? i.denominator() : i;
    }

    private static String required(String key) {
        if (key == null || key.isBlank()) {
            throw Problem.badRequest("key", "required");
        }
        return key.trim();
    }

    private EvaluationPeriod period(String period, String from, String to) {
        return EvaluationPeriod.parse(period, from, to, clock, evaluation.zone());
    }

    private boolean english() {
        return "en".equals(locale().getLanguage());
    }

    private Locale locale() {
        return PageContext.locale(http);
    }

    private EvaluationTexts texts() {
        return MessageBundles.get(EvaluationTexts.class, Localized.Literal.of(locale().getLanguage()));
    }

    private static String disposition(EvaluationTable table, String ext) {
        return "attachment; filename=\"evaluation-" + table.object() + "-" + table.period().replace('~', '_') + "." + ext + "\"";
    }
}
