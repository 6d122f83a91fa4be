package org.civicgrid.map.tiles;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import org.civicgrid.web.WebDelivery;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * 底图瓦片接口 — {@code GET /api/public/basemap/tiles/{z}/{x}/{y}.pbf}: one vector tile of the archive in use, for
 * every map including the citizens' portal (roads and grids are no secret). Only digits reach the archive (no file
 * name comes from the request); a missing tile or zoom is a 404; an ETag answers revalidation with 304 and the page's
 * URL carries the archive's version, so tiles may be cached for a day. A {@code Range} header is ignored: the answer is
 * always the whole tile (HTTP allows it), never a wrong slice.
 */
@Path("/api/public/basemap/tiles")
@PermitAll
public class TileApi {

    static final String MVT = "application/vnd.mapbox-vector-tile";
    private static final Logger LOG = Logger.getLogger(TileApi.class);

    private final TileArchives archives;

    TileApi(TileArchives archives) {
        this.archives = archives;
    }

    @GET
    @Path("{z: [0-9]{1,2}}/{x: [0-9]{1,7}}/{y: [0-9]{1,7}}.pbf")
    public Response tile(@RestPath int z, @RestPath int x, @RestPath int y, @RestHeader("If-None-Match") String ifNoneMatch) {
        TileKey key = new TileKey(z, x, y);
        Optional<TileArchives.Open> open = key.valid() ? archives.current() : Optional.empty();
        if (open.isEmpty()) {
            return Response.status(404).build();
        }
        TileArchive archive = open.get().archive();
        if (!"pbf".equals(archive.info().format())) {
            return Response.status(404).build();
        }
        try {
            Optional<byte[]> tile = archive.tile(z, x, y);
            if (tile.isEmpty()) {
                return Response.status(404).header("Cache-Control", "public, max-age=3600").build();
            }
            String etag = "\"" + open.get().version() + "-" + WebDelivery.etag(tile.get()).replace("\"", "") + "\"";
            if (WebDelivery.matches(ifNoneMatch, etag)) {
                return Response.notModified().header("ETag", etag).build();
            }
            return Response.ok(tile.get(), MVT).header("ETag", etag).header("Cache-Control", "public, max-age=86400")
                    .header("Accept-Ranges", "none").build();
        } catch (IOException e) {
            LOG.warnf("base map tile %d/%d/%d unreadable: %s", z, x, y, e.getMessage());
            return Response.status(404).build();
        }
    }
}
