package org.civicgrid.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** 首次设置页 — the one-time page where a fresh production install creates its county and first admin. */
@Path("/setup")
@PermitAll
@Blocking
public class SetupPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(String tokenFile, String error, String errorField, SetupForm form);
    }

    /** What the setup form holds (never the passwords when re-shown). */
    public record SetupForm(String token, String countyCode, String countyName, String username, String displayName) {
    }

    private final FirstAdminSetup setup;

    SetupPages(FirstAdminSetup setup) {
        this.setup = setup;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Object form(@RestQuery String code) {
        if (!setup.pending()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        return Templates.setup(setup.tokenFile().toString(), null, null, new SetupForm(code == null ? "" : code.trim(), "", "", "admin", ""));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Object submit(@RestForm String token, @RestForm String countyCode, @RestForm String countyName,
            @RestForm String username, @RestForm String displayName, @RestForm String password, @RestForm String password2) {
        SetupForm form = new SetupForm(token, countyCode, countyName, username, displayName);
        try {
            if (password == null || !password.equals(password2)) {
                throw Problem.badRequest("password2", "passwords differ");
            }
            setup.complete(token, countyCode, countyName, username, displayName, password);
            return Response.seeOther(URI.create("/login")).build();
        } catch (Problem problem) {
            return Response.status(problem.status())
                    .entity(Templates.setup(setup.tokenFile().toString(), problem.getMessage(), problem.field(), form)).build();
        }
    }
}
