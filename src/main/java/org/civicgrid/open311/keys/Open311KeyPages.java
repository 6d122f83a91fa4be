package org.civicgrid.open311.keys;

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
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.open311.keys.Open311KeyApi.KeyView;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Open311 密钥页 — {@code /admin/open311-keys} (admins): the keys with their state and last use, a form to issue one
 * (the new key is shown once, on the answer page) and a revoke button per key.
 */
@Path("/admin/open311-keys")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class Open311KeyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(KeyPage page);
    }

    /** The page: keys, the key just issued (shown once), notes; {@code time} formats in the site's zone. */
    public record KeyPage(List<KeyView> keys, KeyView issued, boolean revoked, String error, ZoneId zone) {
        public String time(Instant at) {
            return at == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(at);
        }
    }

    private final Open311Keys keys;
    private final CurrentUser user;
    private final ZoneId zone;

    Open311KeyPages(Open311Keys keys, CurrentUser user, ApplianceConfig appliance) {
        this.keys = keys;
        this.user = user;
        this.zone = ZoneId.of(appliance.timeZone());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@RestQuery String revoked) {
        return page(null, revoked != null, null);
    }

    /** Issues a key and shows it once; reloading the page does not show it again. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response issue(@RestForm String name) {
        try {
            Open311Keys.Issued issued = keys.issue(name, user.username());
            return Response.ok(page(KeyView.of(issued.key(), issued.secret()), false, null)).header("Cache-Control", "no-store").build();
        } catch (Problem problem) {
            return Response.status(problem.status()).entity(page(null, false, problem.getMessage())).build();
        }
    }

    @POST
    @Path("{id}/revoke")
    @Produces(MediaType.TEXT_HTML)
    public Response revoke(@PathParam("id") long id) {
        keys.revoke(id);
        return Response.seeOther(URI.create("/admin/open311-keys?revoked=1")).build();
    }

    private TemplateInstance page(KeyView issued, boolean revoked, String error) {
        List<KeyView> all = Open311Key.allOrdered().stream().map(k -> KeyView.of(k, null)).toList();
        return Templates.list(new KeyPage(all, issued, revoked, error, zone));
    }
}
