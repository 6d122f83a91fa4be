package org.civicgrid.hub;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.catalog.CodeSystems;
import org.civicgrid.map.MapConfig;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.Problem;

/**
 * 一张网 — {@code /hub}: the sites (last contact, backlog), the cases across sites on one map (web/map/hub.js, from
 * {@code /api/hub/cases}) and in a list, each opening its page ({@link HubCasePages}), and 上级交办 (admins, leaders:
 * the form goes through {@link HubApi#assign}, the API's rule and checks). Admins register a site and issue its token
 * (shown once), re-issue it, and bind each site to its client certificate (mutual TLS, {@link SiteCertificates}).
 */
@Path("/hub")
@Blocking
@RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
public class HubPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(HubOverview page);
    }

    private final HubApi api;
    private final HubTokens tokens;
    private final SiteCertificates certificates;
    private final MapConfig map;
    private final CurrentUser user;
    private final Clock clock;

    HubPages(HubApi api, HubTokens tokens, SiteCertificates certificates, MapConfig map, CurrentUser user, Clock clock) {
        this.api = api;
        this.tokens = tokens;
        this.certificates = certificates;
        this.map = map;
        this.user = user;
        this.clock = clock;
    }

    /** {@code assigned}: the 上级交办 just given (after the form's redirect). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview(@QueryParam("site") String site, @QueryParam("assigned") Long assigned) {
        return Templates.overview(page(site).assigned(assigned));
    }

    /** An admin registers a town (site): its token is on the answer page only, never stored in clear. */
    @POST
    @Path("sites")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public Response register(@FormParam("siteId") String siteId, @FormParam("name") String name, @Context UriInfo uri) {
        String id = siteId == null ? null : siteId.trim();
        try {
            String token = tokens.register(id, name);
            return issued(new HubOverview.Issued(id, token, false, hubUrl(uri)));
        } catch (Problem p) {
            return failed(p, "register", page(null).registering(id, name));
        }
    }

    /** An admin re-issues a site's token (e.g. lost or leaked): the old one stops working at once. */
    @POST
    @Path("sites/{siteId}/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public Response reissue(@PathParam("siteId") String siteId, @FormParam("confirm") String confirm, @Context UriInfo uri) {
        try {
            if (!"yes".equals(confirm)) {
                throw Problem.badRequest("confirm", "tick the box: the site's old token stops working at once");
            }
            return issued(new HubOverview.Issued(siteId, tokens.reissue(siteId), true, hubUrl(uri)));
        } catch (Problem p) {
            return failed(p, "token", page(null));
        }
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
            return Response.ok(Templates.overview(page(null).notice("certSaved"))).build();
        } catch (Problem p) {
            return failed(p, "certificate", page(null));
        }
    }

    /** 上级交办 from the form: the API's {@link HubApi#assign} (same roles, same checks), then back to the list. */
    @POST
    @Path("assignments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response assign(@BeanParam HubAssignmentForm form) {
        try {
            HubAssignment a = (HubAssignment) api.assign(form.toAssignment(clock.getZone())).getEntity();
            return Response.seeOther(URI.create("/hub?assigned=" + a.id + "#hub-assignments")).build();
        } catch (Problem p) {
            return failed(p, "assign", page(null).assigning(form));
        }
    }

    private HubOverview page(String site) {
        String chosen = site == null || site.isBlank() ? null : site;
        List<HubAssignment> assignments = api.assignments(chosen);
        return new HubOverview(api.sites(), api.cases(chosen, null, 200), assignments.subList(0, Math.min(50, assignments.size())), chosen,
                map.tileUrl(), map.tileAttribution(), user.has(Role.ADMIN), CodeSystems.groups());
    }

    private Response issued(HubOverview.Issued issued) {
        // the token is in this answer only: no cache keeps it
        return Response.ok(Templates.overview(page(null).issued(issued))).header("Cache-Control", "no-store").build();
    }

    private static Response failed(Problem p, String form, HubOverview page) {
        return Response.status(p.status()).entity(Templates.overview(page.failed(form, p))).build();
    }

    /** The address a town box calls, as this request reached the hub (behind a proxy: the proxy's, when it forwards the host). */
    private static String hubUrl(UriInfo uri) {
        return uri.getBaseUri().toString().replaceFirst("/$", "");
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
