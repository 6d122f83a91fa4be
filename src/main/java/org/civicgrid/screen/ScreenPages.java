package org.civicgrid.screen;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/**
 * 指挥大屏页 — {@code /screen}: the full-screen dashboard for the centre's wall; it redraws the figures of
 * {@link ScreenApi} every {@value #REFRESH_SECONDS} s. For the centre's desks and leaders, not departments or
 * inspectors in the field.
 */
@Path("/screen")
@RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
@Blocking
public class ScreenPages {

    static final int REFRESH_SECONDS = 30;
    /** The roles that see the screen. */
    public static final Set<Role> VIEWERS = Set.of(Role.ACCEPTOR, Role.SHIFT_LEAD, Role.DISPATCHER, Role.LEADER, Role.ADMIN);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance screen(int refreshSeconds, String zone);
    }

    private final ApplianceConfig appliance;

    ScreenPages(ApplianceConfig appliance) {
        this.appliance = appliance;
    }

    /** The page, with the site's time zone for the times the script writes (the wall's browser may run in UTC). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance screen() {
        return Templates.screen(REFRESH_SECONDS, appliance.timeZone());
    }

    /** The screen in the navigation for the centre's roles. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        @Override
        public List<NavItem> navItems() {
            return List.of(new NavItem("/screen", "nav_screen", 900, VIEWERS));
        }
    }
}
