package org.civicgrid.hub;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.evaluation.EvaluationPeriod;
import org.civicgrid.evaluation.Indicator;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.PageContext;
import org.civicgrid.web.Problem;

/**
 * 跨镇综合评价页 — {@code /hub/evaluation}: the sites (towns) ranked over a month or a week with score and grade, the
 * main indicators (each with its definition; "—" with the reason where the hub cannot know it), the definitions, weights
 * and grade bands below; every figure links to the hub cases behind it ({@code /hub/evaluation/cases}). The same table
 * as {@link HubEvaluationApi} and its exports. For the hub's leaders and admins.
 */
@Path("/hub/evaluation")
@RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
@Blocking
public class HubEvaluationPages {

    /** The columns the page shows (the exports and the API carry all of them). */
    static final List<Indicator> SHOWN = List.of(Indicator.REPORTED, Indicator.FILED, Indicator.DISPATCHED, Indicator.DUE, Indicator.CLOSED,
            Indicator.CLOSED_ON_TIME, Indicator.OVERDUE, Indicator.ON_TIME_CLOSE_RATE, Indicator.CLOSE_RATE, Indicator.ON_TIME_HANDLE_RATE,
            Indicator.REWORK_RATE, Indicator.RETURN_RATE, Indicator.EXTENSION_RATE, Indicator.PUBLIC_REPORT_RATE, Indicator.RECURRENCE_RATE,
            Indicator.SUSPENDED, Indicator.URGED, Indicator.SATISFACTION);

    /** A quick choice of period. */
    public record Choice(String period, String label, boolean current) {
    }

    /** One weight of the score: the rate's name, its weight, whether the hub can use it. */
    public record Weight(String label, int weight, boolean known) {
    }

    /** {@code error}: the request's bad input (the page then shows this month), null when there is none. */
    public record Page(String period, HubEvaluation.Table table, List<HubEvaluation.Column> shown, List<Choice> choices, List<Weight> weights,
            String query, String error) {
    }

    public record CaseLine(HubCase c, CaseStage stage, String reportedAt, boolean counted) {
    }

    public record DrillPage(String title, boolean rate, String definition, List<CaseLine> cases, boolean truncated, int limit, String back) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evaluation(Page page);

        static native TemplateInstance cases(DrillPage page);
    }

    private final HubEvaluation evaluation;
    private final Clock clock;
    private final RoutingContext http;

    HubEvaluationPages(HubEvaluation evaluation, Clock clock, RoutingContext http) {
        this.evaluation = evaluation;
        this.clock = clock;
        this.http = http;
    }

    /** The ranking; a period it cannot read answers 400 with the page of this month and the problem in the page's language. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("period") String period, @QueryParam("from") String from, @QueryParam("to") String to) {
        try {
            return Response.ok(page(evaluation.period(period, from, to), null)).build();
        } catch (Problem p) {
            return Response.status(p.status()).entity(page(evaluation.period(null, null, null), p.getMessage())).build();
        }
    }

    private TemplateInstance page(EvaluationPeriod p, String error) {
        boolean english = english();
        HubEvaluation.Table table = evaluation.table(p, english);
        Map<String, HubEvaluation.Column> byCode = new java.util.HashMap<>();
        table.columns().forEach(c -> byCode.put(c.code(), c));
        HubEvaluationTexts text = HubEvaluation.texts(english);
        LocalDate today = LocalDate.now(clock.withZone(evaluation.zone()));
        YearMonth month = YearMonth.from(today);
        List<Choice> choices = List.of(choice(month.toString(), text.thisMonth(), p), choice(month.minusMonths(1).toString(), text.lastMonth(), p),
                choice(EvaluationPeriod.week(today, evaluation.zone()).label(), text.thisWeek(), p),
                choice(EvaluationPeriod.week(today.minusWeeks(1), evaluation.zone()).label(), text.lastWeek(), p));
        List<Weight> weights = evaluation.configuredWeights().entrySet().stream()
                .map(e -> new Weight(e.getKey().label(english), e.getValue(), HubEvaluation.known(e.getKey()))).toList();
        return Templates.evaluation(new Page(p.label().contains("~") ? "" : p.label(), table, SHOWN.stream().map(i -> byCode.get(i.code())).toList(),
                choices, weights, query(p), error));
    }

    @GET
    @Path("cases")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance cases(@QueryParam("site") String site, @QueryParam("indicator") String indicator, @QueryParam("period") String period,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        EvaluationPeriod p = evaluation.period(period, from, to);
        boolean english = english();
        Indicator asked = HubEvaluationApi.indicator(indicator);
        List<HubEvaluationApi.CaseRef> refs = HubEvaluationApi.drill(evaluation, site, indicator, p);
        Map<Long, HubCase> cases = new java.util.HashMap<>();
        if (!refs.isEmpty()) {
            HubCase.<HubCase>list("id in ?1", refs.stream().map(HubEvaluationApi.CaseRef::id).toList()).forEach(c -> cases.put(c.id, c));
        }
        List<CaseLine> lines = refs.stream().map(r -> {
            HubCase c = cases.get(r.id());
            return new CaseLine(c, CaseStage.valueOf(c.stage), c.createdAt.atZone(evaluation.zone()).toLocalDateTime().toString().replace('T', ' ')
                    .substring(0, 16), r.counted());
        }).toList();
        String name = HubSite.<HubSite>findByIdOptional(site.trim()).map(s -> s.name).orElse(site.trim());
        String title = asked.label(english) + (english ? ": " : "：") + name + (english ? ", " : "，") + p.label();
        return Templates.cases(new DrillPage(title, asked.isRate(), evaluation.definition(asked, english),
                lines, refs.size() >= HubEvaluation.DRILL_LIMIT, HubEvaluation.DRILL_LIMIT, "/hub/evaluation?" + query(p)));
    }

    private static Choice choice(String period, String label, EvaluationPeriod chosen) {
        return new Choice(period, label, period.equals(chosen.label()));
    }

    /** The query string of a period: a month or a week, or days. */
    static String query(EvaluationPeriod p) {
        return p.label().contains("~") ? "from=" + p.firstDay() + "&to=" + p.lastDay() : "period=" + p.label();
    }

    private boolean english() {
        return "en".equals(PageContext.locale(http).getLanguage());
    }

    /** The hub's evaluation across towns, in hub mode, beside the hub's page. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        private final ApplianceConfig appliance;

        Nav(ApplianceConfig appliance) {
            this.appliance = appliance;
        }

        @Override
        public List<NavItem> navItems() {
            return appliance.mode() == ApplianceConfig.Mode.HUB
                    ? List.of(new NavItem("/hub/evaluation", "nav_hubEvaluation", 6, Set.of(Role.ADMIN, Role.LEADER))) : List.of();
        }
    }
}
