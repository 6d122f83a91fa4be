package org.civicgrid.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.org.Staff;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 登录页 — the sign-in form (posting to the form mechanism's {@code /j_security_check}), sign-out, and in demo
 * mode the list of demo accounts. Someone sent here with a session cookie that no longer signs them in (or with
 * {@code ?expired=1}, as the pages' htmx polling does) is told their session expired.
 */
@Path("/")
@PermitAll
@Blocking
public class LoginPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean loggedOut, boolean expired, List<Staff> demoAccounts);
    }

    /** The form mechanism's session cookie ({@code quarkus.http.auth.form.cookie-name}). */
    static final String SESSION_COOKIE = "civicgrid-session";

    private final ApplianceConfig appliance;
    private final FirstAdminSetup setup;
    private final CurrentUser user;

    private final Sessions sessions;

    LoginPages(ApplianceConfig appliance, FirstAdminSetup setup, CurrentUser user, Sessions sessions) {
        this.sessions = sessions;
        this.appliance = appliance;
        this.setup = setup;
        this.user = user;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Object login(@RestQuery String error, @RestQuery String out, @RestQuery String expired,
            @CookieParam(SESSION_COOKIE) String session) {
        if (setup.pending()) {
            return Response.seeOther(URI.create("/setup")).build();
        }
        List<Staff> demo = appliance.demo() ? Staff.list("demo = true and active = true order by id") : List.of();
        // a session cookie that no longer signs anybody in has expired (or the box restarted with a new key)
        boolean stale = expired != null || (session != null && !session.isBlank() && !user.signedIn() && out == null);
        return Templates.login(error != null, out != null, stale && error == null, demo);
    }

    @POST
    @Path("logout")
    public Response logout(RoutingContext http) {
        sessions.close(http);
        if (user.signedIn()) { // Quarkus' logout needs an identity: an anonymous sign-out has nothing to end
            FormAuthenticationMechanism.logout(http);
        }
        return Response.seeOther(URI.create("/login?out=1")).build();
    }
}
