package org.civicgrid.map.tiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * 瓦片包 — a read-only archive of map tiles addressed by {@code z/x/y} (XYZ, y down): an MBTiles (SQLite) or PMTiles
 * (v3) file. Tiles come back as stored but gunzipped, so the browser always gets plain MVT protobuf.
 */
interface TileArchive extends AutoCloseable {

    /** 瓦片包信息 — what the map needs to know of an archive: its zoom range, its bounds and the tile format. */
    record Info(String name, String format, int minZoom, int maxZoom, double west, double south, double east, double north) {
    }

    Info info();

    /** The tile's bytes, or empty when the archive has no such tile. */
    Optional<byte[]> tile(int z, int x, int y) throws IOException;

    @Override
    void close();

    /** Opens an {@code .mbtiles} or {@code .pmtiles} file by its extension. */
    static TileArchive open(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pmtiles")) {
            return PmTilesArchive.open(file);
        }
        if (name.endsWith(".mbtiles")) {
            return MbTilesArchive.open(file);
        }
        throw new IOException("not a tile archive (.mbtiles or .pmtiles): " + file.getFileName());
    }
}
