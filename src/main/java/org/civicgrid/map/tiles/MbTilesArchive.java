package org.civicgrid.map.tiles;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * MBTiles 瓦片包 — an MBTiles 1.3 file (SQLite, rows in TMS order: {@code tile_row = 2^z - 1 - y}) opened read-only
 * on one connection. Also writes one ({@link #write}) for the box's own base map.
 */
final class MbTilesArchive implements TileArchive {

    private final Connection connection;
    private final Info info;

    private MbTilesArchive(Connection connection, Info info) {
        this.connection = connection;
        this.info = info;
    }

    static MbTilesArchive open(Path file) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            Map<String, String> meta = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select name, value from metadata")) {
                while (r.next()) {
                    meta.put(r.getString(1), r.getString(2));
                }
            }
            String[] b = meta.getOrDefault("bounds", "-180,-85.05,180,85.05").split(",");
            Info info = new Info(meta.getOrDefault("name", file.getFileName().toString()), meta.getOrDefault("format", "pbf"),
                    Integer.parseInt(meta.getOrDefault("minzoom", "0").trim()), Integer.parseInt(meta.getOrDefault("maxzoom", "14").trim()),
                    Double.parseDouble(b[0].trim()), Double.parseDouble(b[1].trim()), Double.parseDouble(b[2].trim()), Double.parseDouble(b[3].trim()));
            return new MbTilesArchive(c, info);
        } catch (SQLException | RuntimeException e) {
            throw new IOException("unreadable MBTiles " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Info info() {
        return info;
    }

    @Override
    public synchronized Optional<byte[]> tile(int z, int x, int y) throws IOException {
        try (PreparedStatement q = connection.prepareStatement(
                "select tile_data from tiles where zoom_level = ? and tile_column = ? and tile_row = ?")) {
            q.setInt(1, z);
            q.setInt(2, x);
            q.setInt(3, (1 << z) - 1 - y);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(Gzip.unwrap(r.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException("MBTiles read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a read-only file: nothing to lose
        }
    }

    /** Writes a new MBTiles file of MVT tiles ({@code tiles} keyed {@code z/x/y}, XYZ) with its metadata. */
    static void write(Path file, Info info, Map<TileKey, byte[]> tiles, String vectorLayersJson) throws IOException {
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create table metadata (name text, value text)");
                s.execute("create table tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)");
                s.execute("create unique index tile_index on tiles (zoom_level, tile_column, tile_row)");
            }
            try (PreparedStatement m = c.prepareStatement("insert into metadata values (?, ?)")) {
                String[][] rows = {{"name", info.name()}, {"format", "pbf"}, {"type", "baselayer"}, {"version", "1"},
                    {"minzoom", String.valueOf(info.minZoom())}, {"maxzoom", String.valueOf(info.maxZoom())},
                    {"bounds", info.west() + "," + info.south() + "," + info.east() + "," + info.north()},
                    {"json", "{\"vector_layers\":" + vectorLayersJson + "}"}};
                for (String[] row : rows) {
                    m.setString(1, row[0]);
                    m.setString(2, row[1]);
                    m.addBatch();
                }
                m.executeBatch();
            }
            try (PreparedStatement t = c.prepareStatement("insert into tiles values (?, ?, ?, ?)")) {
                for (Map.Entry<TileKey, byte[]> e : tiles.entrySet()) {
                    TileKey k = e.getKey();
                    t.setInt(1, k.z());
                    t.setInt(2, k.x());
                    t.setInt(3, (1 << k.z()) - 1 - k.y());
                    t.setBytes(4, Gzip.wrap(e.getValue()));
                    t.addBatch();
                }
                t.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IOException("MBTiles write failed: " + e.getMessage(), e);
        }
    }
}
