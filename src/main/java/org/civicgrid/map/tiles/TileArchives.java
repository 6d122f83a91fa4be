package org.civicgrid.map.tiles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.grid.GridsChanged;
import org.jboss.logging.Logger;

/**
 * 底图瓦片包目录 — the tile archive the box serves, from {@code <data-dir>/basemap/}: the site's own {@code .mbtiles} or
 * {@code .pmtiles} file when it dropped one there (the first by name), else the box's own archive
 * ({@value #OWN_FILE}), built on first use from its roads, landmarks and grids and again after a grid change or when
 * an admin asks. The open archive is kept until the chosen file changes on disk.
 */
@ApplicationScoped
public class TileArchives {

    static final String OWN_FILE = "civicgrid-own.mbtiles";
    private static final Logger LOG = Logger.getLogger(TileArchives.class);

    /** 在用瓦片包 — the archive being served, its file and a version that changes with the file. */
    record Open(Path file, String version, TileArchive archive) {
    }

    /** 瓦片包摘要 — what pages need without touching the disk: the version for cache-busting and the zoom range. */
    record Summary(String version, int minZoom, int maxZoom) {
    }

    private final ApplianceConfig appliance;
    private final OwnBaseMap own;
    private volatile Open open;
    private volatile boolean ownStale;

    TileArchives(ApplianceConfig appliance, OwnBaseMap own) {
        this.appliance = appliance;
        this.own = own;
    }

    Path directory() {
        return Path.of(appliance.dataDir()).resolve("basemap");
    }

    /** The archive to serve, or empty when there is none and nothing to build one from. */
    synchronized Optional<Open> current() {
        try {
            Path file = chosenFile();
            if (file == null) {
                return Optional.empty();
            }
            String version = Long.toString(Files.getLastModifiedTime(file).toMillis(), 36) + "-" + Long.toString(Files.size(file), 36);
            if (open == null || !open.file().equals(file) || !open.version().equals(version)) {
                if (open != null) {
                    open.archive().close();
                }
                open = new Open(file, version, TileArchive.open(file));
                LOG.infof("base map tiles from %s (%s, zoom %d-%d)", file, open.archive().info().format(),
                        open.archive().info().minZoom(), open.archive().info().maxZoom());
            }
            return Optional.of(open);
        } catch (IOException e) {
            LOG.warnf("no base map tiles: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** The archive last opened (never opens or builds one: pages render this on the event loop). */
    Summary summary() {
        Open seen = open;
        return seen == null ? new Summary("0", OwnBaseMap.MIN_ZOOM, OwnBaseMap.MAX_ZOOM)
                : new Summary(seen.version(), seen.archive().info().minZoom(), seen.archive().info().maxZoom());
    }

    /** Opens (building the box's own if needed) the archive once at start, off the start-up thread. */
    void onStart(@Observes @jakarta.annotation.Priority(4000) io.quarkus.runtime.StartupEvent event) {
        Thread warm = new Thread(this::current, "basemap-tiles"); // after the demo's places and grids are loaded
        warm.setDaemon(true);
        warm.start();
    }

    /** Rebuilds the box's own archive now (admin page); returns the number of features drawn. */
    synchronized int rebuildOwn() throws IOException {
        List<OwnBaseMap.Feature> features = own.features();
        if (features.isEmpty()) {
            return 0;
        }
        Files.createDirectories(directory());
        OwnBaseMap.write(features, directory().resolve(OWN_FILE));
        ownStale = false;
        return features.size();
    }

    /** The file of the site's own archive if any, else the box's (built when missing or stale). */
    private Path chosenFile() throws IOException {
        Path dir = directory();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                Optional<Path> site = files.filter(Files::isRegularFile).filter(TileArchives::isArchive)
                        .filter(p -> !p.getFileName().toString().equals(OWN_FILE)).sorted().findFirst();
                if (site.isPresent()) {
                    return site.get();
                }
            }
        }
        Path ownFile = dir.resolve(OWN_FILE);
        if (!Files.exists(ownFile) || ownStale) {
            return rebuildOwn() > 0 ? ownFile : null;
        }
        return ownFile;
    }

    static boolean isArchive(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".mbtiles") || name.endsWith(".pmtiles"));
    }

    void onGridsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) GridsChanged event) {
        ownStale = true;
    }
}
