package org.civicgrid.workbench;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Department;
import org.civicgrid.org.Region;
import org.civicgrid.org.RegionLevel;
import org.civicgrid.org.Staff;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 工作台页 — {@code /}: the start page of every signed-in user. */
@Path("/")
@Authenticated
@Blocking
public class WorkbenchPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance workbench(String displayName, List<org.civicgrid.org.Role> roles, Region county,
                long streets, long communities, long departments, long staff);
    }

    private final CurrentUser user;

    WorkbenchPages(CurrentUser user) {
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance workbench() {
        return Templates.workbench(user.displayName(), List.copyOf(user.roles()), Region.county().orElse(null),
                Region.count("level", RegionLevel.STREET), Region.count("level", RegionLevel.COMMUNITY),
                Department.count("active", true), Staff.count("active", true));
    }

    /** The workbench heads the navigation for everybody. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        @Override
        public List<NavItem> navItems() {
            return List.of(new NavItem("/", "nav_home", 0, Set.of()));
        }
    }
}
