package org.civicgrid.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 登录日志页 — {@code /admin/sign-ins}: the latest sign-ins, failures and lock-outs (admins). */
@Path("/admin/sign-ins")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class SignInLogPages {

    /** A log row with its time in the site's zone. */
    public record Row(LocalDateTime at, String username, String remoteAddress, SignInLog.Outcome outcome) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> rows);
    }

    private final Clock clock;

    SignInLogPages(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.list(SignInLog.latest(200).stream()
                .map(l -> new Row(LocalDateTime.ofInstant(l.at, clock.getZone()), l.username, l.remoteAddress, l.outcome))
                .toList());
    }

    /** The log sits with the other admin pages. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        @Override
        public List<NavItem> navItems() {
            return List.of(new NavItem("/admin/sign-ins", "nav_signins", 990, Set.of(Role.ADMIN)));
        }
    }
}
