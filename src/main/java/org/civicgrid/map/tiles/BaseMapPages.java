package org.civicgrid.map.tiles;

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
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 底图设置页 — {@code /admin/basemap} (admins): the tile server of the maps (URL template, 天地图 annotation layer,
 * coordinate system, attribution) or the offline vector tiles, the archive in use, and "rebuild the box's own base map".
 */
@Path("/admin/basemap")
@RolesAllowed(Role.Names.ADMIN)
@Blocking
public class BaseMapPages {

    private static final Logger LOG = Logger.getLogger(BaseMapPages.class);

    /** What the page shows: the form's values, the field at fault, the archive in use and the last outcome. */
    public record Page(BaseMapSetting form, String errorField, String dir, String file, String format, int minZoom, int maxZoom,
            boolean own, boolean saved, Integer rebuilt, boolean rebuildFailed) {

        /** The message key of the error shown for the field at fault ({@code bm:error_tileUrl} …). */
        public String errorKey() {
            return "error_" + errorField;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(Page page);
    }

    private final BaseMapSettings settings;
    private final TileArchives archives;

    BaseMapPages(BaseMapSettings settings, TileArchives archives) {
        this.settings = settings;
        this.archives = archives;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestQuery String saved) {
        return page(settings.current(), null, "1".equals(saved), null, false);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response save(@RestForm String tileUrl, @RestForm String labelUrl, @RestForm String subdomains, @RestForm String crs,
            @RestForm String attribution) {
        try {
            settings.save(tileUrl, labelUrl, subdomains, crs, attribution);
            return Response.seeOther(URI.create("/admin/basemap?saved=1")).build();
        } catch (Problem problem) {
            BaseMapSetting entered = new BaseMapSetting(tileUrl == null ? "" : tileUrl, labelUrl == null ? "" : labelUrl,
                    subdomains == null ? "" : subdomains, settings.current().crs(), attribution == null ? "" : attribution);
            return Response.status(problem.status()).entity(page(entered, problem.field(), false, null, false)).build();
        }
    }

    @POST
    @Path("rebuild")
    @Produces(MediaType.TEXT_HTML)
    public Response rebuild() {
        try {
            int features = archives.rebuildOwn();
            return Response.ok(page(settings.current(), null, false, features, false)).build();
        } catch (IOException e) {
            LOG.errorf("rebuilding the own base map failed: %s", e.toString());
            return Response.serverError().entity(page(settings.current(), null, false, null, true)).build();
        }
    }

    private TemplateInstance page(BaseMapSetting form, String errorField, boolean saved, Integer rebuilt, boolean failed) {
        var open = archives.current();
        return Templates.settings(new Page(form, errorField, archives.directory().toAbsolutePath().normalize().toString(),
                open.map(o -> o.file().getFileName().toString()).orElse(null), open.map(o -> o.archive().info().format()).orElse(""),
                open.map(o -> o.archive().info().minZoom()).orElse(0), open.map(o -> o.archive().info().maxZoom()).orElse(0),
                open.map(o -> o.file().getFileName().toString().equals(TileArchives.OWN_FILE)).orElse(false), saved, rebuilt, failed));
    }

    /** 底图设置 in the admin menu, next to the unit grids. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        @Override
        public List<NavItem> navItems() {
            return List.of(new NavItem("/admin/basemap", "nav_basemap", 916, Set.of(Role.ADMIN)));
        }
    }
}
