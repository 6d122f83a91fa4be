package org.civicgrid.evaluation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.PageContext;

/**
 * 综合评价页 — {@code /evaluation}: the ranking of one object type over a period (month, week or days) with the main
 * indicators, score and grade, a chart of 按期结案率, the definitions printed below; every number links to the cases
 * behind it ({@code /evaluation/cases}). The same table as {@link EvaluationApi} and its exports. For leaders and the
 * centre's shift leads.
 */
@Path("/evaluation")
@RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
@Blocking
public class EvaluationPages {

    /** The roles that see evaluation. */
    static final Set<Role> VIEWERS = Set.of(Role.LEADER, Role.SHIFT_LEAD, Role.ADMIN);

    /** The indicators the page shows per object type (the exports carry all of them). */
    static final Map<EvaluationObject, List<Indicator>> SHOWN = Map.of(
            EvaluationObject.DEPARTMENT, List.of(Indicator.DISPATCHED, Indicator.DUE, Indicator.CLOSED, Indicator.CLOSED_ON_TIME, Indicator.OVERDUE,
                    Indicator.ON_TIME_CLOSE_RATE, Indicator.CLOSE_RATE, Indicator.ON_TIME_HANDLE_RATE, Indicator.AVERAGE_HANDLING_TIME, Indicator.REWORK_RATE, Indicator.RETURN_RATE,
                    Indicator.EXTENSION_RATE, Indicator.SUSPENDED, Indicator.URGED, Indicator.SATISFACTION),
            EvaluationObject.STREET, regional(),
            EvaluationObject.COMMUNITY, regional(),
            EvaluationObject.GRID, regional(),
            EvaluationObject.COUNTY, List.of(Indicator.REPORTED, Indicator.FILED, Indicator.DUE, Indicator.ON_TIME_CLOSE_RATE, Indicator.CLOSE_RATE,
                    Indicator.REWORK_RATE, Indicator.RETURN_RATE, Indicator.RECURRENCE_RATE, Indicator.DUPLICATE_REPORTS, Indicator.OVERDUE,
                    Indicator.URGED, Indicator.SATISFACTION),
            EvaluationObject.POST, List.of(Indicator.REPORTED, Indicator.VALID_REPORT_RATE, Indicator.CONFIRMS, Indicator.CONFIRM_ON_TIME_RATE,
                    Indicator.CHECKS, Indicator.CHECK_ON_TIME_RATE, Indicator.FILED, Indicator.ACCURATE_FILING_RATE, Indicator.DISPATCHED,
                    Indicator.ACCURATE_DISPATCH_RATE));

    private static List<Indicator> regional() {
        return List.of(Indicator.REPORTED, Indicator.FILED, Indicator.DUE, Indicator.CLOSED, Indicator.ON_TIME_CLOSE_RATE, Indicator.CLOSE_RATE,
                Indicator.RECURRENCE_RATE, Indicator.PUBLIC_REPORT_RATE, Indicator.DUPLICATE_REPORTS, Indicator.SATISFACTION);
    }

    /** One shown column; a rate's or an average's value is shown with its unit ({@link Indicator#unit()}: %, 工作时). */
    public record Shown(String code, String label, boolean rate, String definition, String unit) {

        public static Shown of(Indicator i, boolean english, int recurrenceDays) {
            return new Shown(i.code(), i.label(english), i.isRate(), i.definition(english, recurrenceDays),
                    i.unit() == null ? "" : i.unit().label(english));
        }
    }

    /** What the page draws. */
    public record Page(EvaluationObject object, List<EvaluationObject> objects, String period, EvaluationTable table, List<Shown> shown,
            List<String> weights, List<Scoring.Band> bands, String query) {
    }

    /** The cases behind one figure. */
    public record CaseLine(long id, String number, CaseStage stage, String classCode, String address, String reportedAt, boolean counted) {
    }

    public record DrillPage(String title, String indicator, boolean rate, String definition, List<CaseLine> cases, boolean truncated, int limit,
            String back) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evaluation(Page page);

        static native TemplateInstance cases(DrillPage page);
    }

    private final Evaluation evaluation;
    private final EvaluationQueries queries;
    private final Scoring scoring;
    private final Clock clock;
    private final RoutingContext http;

    EvaluationPages(Evaluation evaluation, EvaluationQueries queries, Scoring scoring, Clock clock, RoutingContext http) {
        this.evaluation = evaluation;
        this.queries = queries;
        this.scoring = scoring;
        this.clock = clock;
        this.http = http;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("object") String object, @QueryParam("period") String period, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        EvaluationObject o = EvaluationApi.object(object);
        EvaluationPeriod p = EvaluationPeriod.parse(period, from, to, clock, evaluation.zone());
        boolean english = english();
        EvaluationTable table = evaluation.table(o, p, english);
        List<Shown> shown = SHOWN.get(o).stream()
                .map(i -> Shown.of(i, english, evaluation.recurrenceDays())).toList();
        List<String> weights = scoring.weights(o).entrySet().stream().map(e -> e.getKey().label(english) + " " + e.getValue()).toList();
        return Templates.evaluation(new Page(o, List.of(EvaluationObject.values()), p.label().contains("~") ? "" : p.label(), table, shown,
                weights, scoring.bands(), query(o, p)));
    }

    @GET
    @Path("cases")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance cases(@QueryParam("object") String object, @QueryParam("key") String key, @QueryParam("indicator") String indicator,
            @QueryParam("period") String period, @QueryParam("from") String from, @QueryParam("to") String to) {
        EvaluationObject o = EvaluationApi.object(object);
        EvaluationPeriod p = EvaluationPeriod.parse(period, from, to, clock, evaluation.zone());
        Indicator asked = Indicator.of(indicator == null ? "" : indicator).orElse(null);
        Indicator count = EvaluationApi.count(indicator);
        String k = key == null ? "" : key.trim();
        List<Long> ids = queries.caseIds(o, k, count, p.from(), p.to(), EvaluationApi.DRILL_LIMIT);
        Set<Long> counted = asked != null && asked.isRate()
                ? new HashSet<>(queries.caseIds(o, k, asked.numerator(), p.from(), p.to(), EvaluationApi.DRILL_LIMIT)) : Set.copyOf(ids);
        boolean english = english();
        List<CaseLine> lines = ids.isEmpty() ? List.of() : CaseFile.<CaseFile>list("id in ?1 order by id", ids).stream()
                .map(c -> new CaseLine(c.id, c.number, c.stage, c.classCode, c.address,
                        c.createdAt.atZone(evaluation.zone()).toLocalDateTime().toString().replace('T', ' ').substring(0, 16), counted.contains(c.id)))
                .toList();
        String name = evaluation.names(o).getOrDefault(k, k);
        Indicator shownIndicator = asked == null ? count : asked;
        String title = shownIndicator.label(english) + (english ? ": " : "：") + name + (english ? ", " : "，") + p.label();
        return Templates.cases(new DrillPage(title, shownIndicator.code(), shownIndicator.isRate(),
                shownIndicator.definition(english, evaluation.recurrenceDays()), lines, ids.size() >= EvaluationApi.DRILL_LIMIT,
                EvaluationApi.DRILL_LIMIT, "/evaluation?" + query(o, p)));
    }

    /** The query string of a table: object and period (or days). */
    static String query(EvaluationObject o, EvaluationPeriod p) {
        return "object=" + o.apiName() + (p.label().contains("~") ? "&from=" + p.firstDay() + "&to=" + p.lastDay() : "&period=" + p.label());
    }

    private boolean english() {
        return "en".equals(PageContext.locale(http).getLanguage());
    }

    /** Evaluation in the navigation for leaders and shift leads. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        @Override
        public List<NavItem> navItems() {
            return List.of(new NavItem("/evaluation", "nav_evaluation", 890, VIEWERS));
        }
    }
}
