package org.civicgrid.map.tiles;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * 矢量瓦片编码 — writes one Mapbox Vector Tile (MVT 2.1 protobuf) from layers of features whose geometries are already
 * in tile coordinates ({@code 0..extent}, y down): points and line strings, string properties. Protobuf is written by
 * hand (varints, zig-zag command deltas); the spec is small and this keeps the box free of a code generator.
 */
final class MvtEncoder {

    static final int EXTENT = 4096;

    private final Map<String, List<Feature>> layers = new LinkedHashMap<>();

    private record Feature(Geometry geometry, Map<String, String> properties) {
    }

    /** Adds a point or (multi)line feature to a layer; other geometry types are ignored. */
    void add(String layer, Geometry geometry, Map<String, String> properties) {
        if (!geometry.isEmpty()) {
            layers.computeIfAbsent(layer, k -> new ArrayList<>()).add(new Feature(geometry, properties));
        }
    }

    boolean isEmpty() {
        return layers.isEmpty();
    }

    byte[] encode() {
        Proto tile = new Proto();
        layers.forEach((name, features) -> tile.bytes(3, layer(name, features)));
        return tile.toBytes();
    }

    private static byte[] layer(String name, List<Feature> features) {
        Proto layer = new Proto();
        layer.varint(15, 2);
        layer.string(1, name);
        Map<String, Integer> keys = new LinkedHashMap<>();
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Feature f : features) {
            List<Integer> geometry = new ArrayList<>();
            int type = geometry(f.geometry(), geometry);
            if (type == 0 || geometry.isEmpty()) {
                continue;
            }
            Proto feature = new Proto();
            List<Integer> tags = new ArrayList<>();
            f.properties().forEach((k, v) -> {
                tags.add(keys.computeIfAbsent(k, x -> keys.size()));
                tags.add(values.computeIfAbsent(v, x -> values.size()));
            });
            feature.packed(2, tags);
            feature.varint(3, type);
            feature.packed(4, geometry);
            layer.bytes(2, feature.toBytes());
        }
        keys.keySet().forEach(k -> layer.string(3, k));
        for (String v : values.keySet()) {
            Proto value = new Proto();
            value.string(1, v);
            layer.bytes(4, value.toBytes());
        }
        layer.varint(5, EXTENT);
        return layer.toBytes();
    }

    /** Appends the command stream of a geometry; returns its MVT type (1 point, 2 line), 0 when not drawable. */
    private static int geometry(Geometry g, List<Integer> out) {
        int[] cursor = {0, 0};
        if (g instanceof Point p) {
            out.add(command(1, 1));
            move(p.getCoordinate(), cursor, out);
            return 1;
        }
        int type = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof LineString line && line.getNumPoints() >= 2) {
                Coordinate[] cs = line.getCoordinates();
                List<Integer> draw = new ArrayList<>();
                int[] at = cursor.clone();
                int[] start = {(int) Math.round(cs[0].x), (int) Math.round(cs[0].y)};
                for (int j = 1; j < cs.length; j++) {
                    int x = (int) Math.round(cs[j].x);
                    int y = (int) Math.round(cs[j].y);
                    int[] from = draw.isEmpty() ? start : at;
                    if (x != from[0] || y != from[1]) {
                        draw.add(zigzag(x - from[0]));
                        draw.add(zigzag(y - from[1]));
                        at = new int[] {x, y};
                    }
                }
                if (!draw.isEmpty()) {
                    out.add(command(1, 1));
                    out.add(zigzag(start[0] - cursor[0]));
                    out.add(zigzag(start[1] - cursor[1]));
                    out.add(command(2, draw.size() / 2));
                    out.addAll(draw);
                    cursor[0] = at[0];
                    cursor[1] = at[1];
                    type = 2;
                }
            }
        }
        return type;
    }

    private static void move(Coordinate c, int[] cursor, List<Integer> out) {
        int x = (int) Math.round(c.x);
        int y = (int) Math.round(c.y);
        out.add(zigzag(x - cursor[0]));
        out.add(zigzag(y - cursor[1]));
        cursor[0] = x;
        cursor[1] = y;
    }

    private static int command(int id, int count) {
        return (id & 0x7) | (count << 3);
    }

    static int zigzag(int n) {
        return (n << 1) ^ (n >> 31);
    }

    /** The protobuf wire format, as much as MVT needs. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            raw((field << 3) | 0);
            raw(value);
        }

        void string(int field, String value) {
            bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(int field, byte[] value) {
            raw((field << 3) | 2);
            raw(value.length);
            out.writeBytes(value);
        }

        void packed(int field, List<Integer> values) {
            if (values.isEmpty()) {
                return;
            }
            Proto body = new Proto();
            values.forEach(v -> body.raw(Integer.toUnsignedLong(v)));
            bytes(field, body.toBytes());
        }

        private void raw(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
