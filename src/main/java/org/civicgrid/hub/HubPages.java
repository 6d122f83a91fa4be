package org.civicgrid.hub;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.map.MapConfig;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.Problem;

/**
 * 一张网 — {@code /hub}: the sites (last contact, backlog), the cases across sites on one map (web/map/hub.js, from
 * {@code /api/hub/cases}) and in a list, and 上级交办 (admins, leaders); admins bind each site to its client
 * certificate (mutual TLS, {@link SiteCertificates}).
 */
@Path("/hub")
@Blocking
@RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
public class HubPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(List<HubApi.SiteView> sites, List<HubApi.CaseView> cases, List<HubAssignment> assignments,
                String site, List<CaseStage> stages, Optional<String> tileUrl, Optional<String> tileAttribution, boolean admin, boolean saved,
                String error);
    }

    private final HubApi api;
    private final MapConfig map;
    private final SiteCertificates certificates;
    private final CurrentUser user;

    HubPages(HubApi api, MapConfig map, SiteCertificates certificates, CurrentUser user) {
        this.api = api;
        this.map = map;
        this.certificates = certificates;
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview(@QueryParam("site") String site) {
        return page(site, false, null);
    }

    /** An admin binds a site to its client certificate (PEM or SHA-256; empty removes the binding). */
    @POST
    @Path("sites/{siteId}/certificate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public Response bindCertificate(@PathParam("siteId") String siteId, @FormParam("certificate") String certificate) {
        try {
            certificates.register(siteId, certificate);
            return Response.ok(page(null, true, null)).build();
        } catch (Problem p) {
            return Response.status(p.status()).entity(page(null, false, p.getMessage())).build();
        }
    }

    private TemplateInstance page(String site, boolean saved, String error) {
        String chosen = site == null || site.isBlank() ? null : site;
        List<HubAssignment> assignments = api.assignments(chosen);
        return Templates.overview(api.sites(), api.cases(chosen, null, 200), assignments.subList(0, Math.min(50, assignments.size())), chosen,
                List.of(CaseStage.values()), map.tileUrl(), map.tileAttribution(), user.has(Role.ADMIN), saved, error);
    }

    /** The hub's own page, in hub mode. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        private final ApplianceConfig appliance;

        Nav(ApplianceConfig appliance) {
            this.appliance = appliance;
        }

        @Override
        public List<NavItem> navItems() {
            return appliance.mode() == ApplianceConfig.Mode.HUB ? List.of(new NavItem("/hub", "nav_hub", 5, Set.of(Role.ADMIN, Role.LEADER)))
                    : List.of();
        }
    }
}
