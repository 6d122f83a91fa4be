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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.civicgrid.cases.list.WorkQueues.QueueView;
import org.civicgrid.cases.list.WorkQueues;
import org.civicgrid.evaluation.CallBackDesk;
import org.civicgrid.evaluation.KeyFigures;
import org.civicgrid.org.Department;
import org.civicgrid.org.Region;
import org.civicgrid.org.RegionLevel;
import org.civicgrid.org.Role;
import org.civicgrid.org.Staff;
import org.civicgrid.screen.ScreenPages;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * 工作台页 — {@code /}: the start page of every signed-in user with the work queues of their roles (counts, lights
 * and the most urgent cases), refreshed by htmx every 30 s: a request with {@code HX-Request} gets only the
 * {@code queues} fragment.
 */
@Path("/")
@Authenticated
@Blocking
public class WorkbenchPages {

    /** The roles that register cases at {@code /cases/new}. */
    static final Set<Role> REPORTERS = Set.of(Role.INSPECTOR, Role.ACCEPTOR, Role.LEADER);

    /** The roles whose workbench shows the cases waiting for a 回访 (待回访, {@code /callbacks}). */
    static final Set<Role> CALL_BACK_DESK = Set.of(Role.ACCEPTOR, Role.SHIFT_LEAD);

    /** Cases shown per queue on the workbench. */
    static final int SHOWN = 5;

    /** The area served and the size of the organisation (the admin's system facts). */
    record Facts(Region county, long streets, long communities, long departments, long staff) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance workbench(String displayName, List<Role> roles, List<QueueView> queues, Facts facts, boolean screen,
                boolean report, List<KeyFigures.Figure> figures, Long callBacks);

        static native TemplateInstance workbench$queues(List<QueueView> queues);
    }

    private final CurrentUser user;
    private final WorkQueues queues;
    private final KeyFigures keyFigures;
    private final CallBackDesk callBackDesk;

    WorkbenchPages(CurrentUser user, WorkQueues queues, KeyFigures keyFigures, CallBackDesk callBackDesk) {
        this.keyFigures = keyFigures;
        this.callBackDesk = callBackDesk;
        this.user = user;
        this.queues = queues;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response workbench(@RestHeader("HX-Request") String htmx) {
        List<QueueView> views = queues.of(user, SHOWN);
        TemplateInstance page = "true".equals(htmx) ? Templates.workbench$queues(views)
                : Templates.workbench(user.displayName(), List.copyOf(user.roles()), views, facts(),
                        ScreenPages.VIEWERS.stream().anyMatch(user::has), REPORTERS.stream().anyMatch(user::has),
                        user.has(Role.LEADER) ? keyFigures.now() : List.of(),
                        CALL_BACK_DESK.stream().anyMatch(user::has) ? callBackDesk.awaitingCount() : null);
        return Response.ok(page).header("Vary", "HX-Request").header("Cache-Control", "no-store").build();
    }

    private static Facts facts() {
        return new Facts(Region.county().orElse(null), Region.count("level", RegionLevel.STREET),
                Region.count("level", RegionLevel.COMMUNITY), Department.count("active", true), Staff.count("active", true));
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
