package org.civicgrid.evaluation.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.civicgrid.org.Role;
import org.civicgrid.web.PageContext;

/**
 * 日盘点 / 周分析 / 月通报 — {@code /evaluation/report?kind=day|week|month&period=…}: a print-friendly (A4) report of one
 * period beside the one before — the county's figures, the trend, the class breakdown, the department and street
 * rankings (ECharts), the grid heat map (Leaflet), the overdue cases and the definitions — from the same evaluation
 * table as everything else. A stored 月通报 ({@link BulletinPages}) is drawn by the same template.
 */
@Path("/evaluation/report")
@RolesAllowed({Role.Names.LEADER, Role.Names.SHIFT_LEAD, Role.Names.ADMIN})
@Blocking
public class ReportPages {

    /** A stored copy's origin (null on the live page). */
    public record Stored(long id, String generatedAt, String generatedBy, String hash) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Report report, Stored stored);
    }

    private final Reports reports;
    private final RoutingContext http;

    ReportPages(Reports reports, RoutingContext http) {
        this.reports = reports;
        this.http = http;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance report(@QueryParam("kind") String kind, @QueryParam("period") String period) {
        boolean english = "en".equals(PageContext.locale(http).getLanguage());
        String k = kind == null || kind.isBlank() ? "month" : kind.trim();
        return Templates.report(reports.build(k, reports.period(k, period), english), null);
    }
}
