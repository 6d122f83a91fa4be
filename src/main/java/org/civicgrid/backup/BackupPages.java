package org.civicgrid.backup;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civicgrid.backup.BackupStore.Backup;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.jboss.logging.Logger;

/** 数据备份页 — {@code /admin/backups}: the last backup and its size, every kept backup, "back up now" (admins). */
@Path("/admin/backups")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class BackupPages {

    private static final Logger LOG = Logger.getLogger(BackupPages.class);

    /** A backup as the page shows it. */
    public record Row(String name, String taken, String size) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(String dir, List<Row> rows, String doneName, boolean failed);
    }

    private final Backups backups;

    BackupPages(Backups backups) {
        this.backups = backups;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() throws IOException {
        return page(null, false);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response runNow() throws IOException {
        try {
            Backup done = backups.run();
            return Response.ok(page(done.name(), false)).build();
        } catch (IOException | SQLException e) {
            LOG.errorf("backup from the admin page failed: %s", e.toString());
            return Response.serverError().entity(page(null, true)).build();
        }
    }

    private TemplateInstance page(String doneName, boolean failed) throws IOException {
        List<Row> rows = backups.list().stream().map(b -> new Row(b.name(), b.taken().toLocalDate() + " " + b.taken().toLocalTime(), human(b.bytes())))
                .toList();
        return Templates.list(backups.directory().toAbsolutePath().normalize().toString(), rows, doneName, failed);
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** The page sits with the other admin pages. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        @Override
        public List<NavItem> navItems() {
            return List.of(new NavItem("/admin/backups", "nav_backups", 995, Set.of(Role.ADMIN)));
        }
    }
}
