package org.civicgrid.hub;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.map.MapConfig;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/**
 * 一张网 — {@code /hub}: the sites (last contact, backlog), the cases across sites on one map (web/map/hub.js, from
 * {@code /api/hub/cases}) and in a list, and 上级交办 (admins, leaders).
 */
@Path("/hub")
@Blocking
@RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
public class HubPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(List<HubApi.SiteView> sites, List<HubApi.CaseView> cases, List<HubAssignment> assignments,
                String site, List<CaseStage> stages, Optional<String> tileUrl, Optional<String> tileAttribution);
    }

    private final HubApi api;
    private final MapConfig map;

    HubPages(HubApi api, MapConfig map) {
        this.api = api;
        this.map = map;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview(@QueryParam("site") String site) {
        String chosen = site == null || site.isBlank() ? null : site;
        List<HubAssignment> assignments = api.assignments(chosen);
        return Templates.overview(api.sites(), api.cases(chosen, null, 200), assignments.subList(0, Math.min(50, assignments.size())), chosen,
                List.of(CaseStage.values()), map.tileUrl(), map.tileAttribution());
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
