package org.civicgrid.map.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.civicgrid.grid.Crs;
import org.civicgrid.web.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** 底图瓦片 — MVT encoding, the MBTiles and PMTiles readers, tile ids and the tile-URL rule, worked by hand. */
class TileArchiveTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @TempDir
    Path dir;

    @Test
    void encodesAPointAndALineAsTheMvtSpecWritesThem() {
        MvtEncoder tile = new MvtEncoder();
        tile.add("roads", GEOMETRY.createLineString(new Coordinate[] {new Coordinate(2, 2), new Coordinate(2, 10), new Coordinate(10, 10)}),
                Map.of("name", "人民路"));
        byte[] bytes = tile.encode();
        // the geometry of the spec's example line: MoveTo(2,2) LineTo(0,8) LineTo(8,0) = [9, 4, 4, 18, 0, 16, 16, 0]
        assertTrue(contains(bytes, new byte[] {0x22, 8, 9, 4, 4, 18, 0, 16, 16, 0}), "packed geometry field 4 of the example");
        assertTrue(contains(bytes, "人民路".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(0x1a, bytes[0] & 0xff, "field 3 (layers), length-delimited");
        assertEquals(3, MvtEncoder.zigzag(-2));
        assertEquals(4, MvtEncoder.zigzag(2));
    }

    @Test
    void pmtilesTileIdsFollowTheHilbertCurveOfTheSpec() {
        assertEquals(0, PmTilesArchive.tileId(0, 0, 0));
        assertEquals(1, PmTilesArchive.tileId(1, 0, 0));
        assertEquals(2, PmTilesArchive.tileId(1, 0, 1));
        assertEquals(3, PmTilesArchive.tileId(1, 1, 1));
        assertEquals(4, PmTilesArchive.tileId(1, 1, 0));
        assertEquals(5, PmTilesArchive.tileId(2, 0, 0));
        assertEquals(19078479, PmTilesArchive.tileId(12, 3423, 1763));
    }

    @Test
    void mbtilesWrittenAndReadBackInXyzOrder() throws IOException {
        Path file = dir.resolve("t.mbtiles");
        byte[] data = {0x1a, 0};
        MbTilesArchive.write(file, new TileArchive.Info("t", "pbf", 12, 17, 117.2, 35.6, 117.3, 35.7),
                Map.of(new TileKey(14, 13529, 6497), data), OwnBaseMap.LAYERS_JSON);
        try (TileArchive archive = TileArchive.open(file)) {
            assertEquals(17, archive.info().maxZoom());
            assertArrayEquals(data, archive.tile(14, 13529, 6497).orElseThrow(), "stored gzipped, served plain");
            assertTrue(archive.tile(14, 13529, 6498).isEmpty());
        }
    }

    @Test
    void pmtilesFoundThroughTheRootDirectory() throws IOException {
        byte[] tileA = {1, 2, 3};
        byte[] tileB = {4, 5};
        Path file = dir.resolve("t.pmtiles");
        // root directory, uncompressed: 2 entries; ids 5 (2/0/0) and 6 (2/1/0) (delta 5, 1); run lengths 1, 1; lengths 3, 2; offsets 0+1, then 0 (= follows)
        byte[] root = {2, 5, 1, 1, 1, 3, 2, 1, 0};
        ByteBuffer h = ByteBuffer.allocate(127).order(ByteOrder.LITTLE_ENDIAN);
        h.put("PMTiles".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 3);
        h.putLong(8, 127).putLong(16, root.length).putLong(40, 127 + root.length).putLong(48, 0).putLong(56, 127 + root.length);
        h.put(97, (byte) 1).put(98, (byte) 1).put(99, (byte) 1).put(100, (byte) 0).put(101, (byte) 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(root);
        out.writeBytes(tileA);
        out.writeBytes(tileB);
        Files.write(file, out.toByteArray());
        try (TileArchive archive = TileArchive.open(file)) {
            assertArrayEquals(tileA, archive.tile(2, 0, 0).orElseThrow(), "tile id 5 = 2/0/0");
            assertArrayEquals(tileB, archive.tile(2, 1, 0).orElseThrow(), "tile id 6 = 2/1/0 (Hilbert), offset following tile A");
            assertTrue(archive.tile(2, 0, 1).isEmpty(), "2/0/1 is tile id 8");
            assertTrue(archive.tile(2, 1, 1).isEmpty());
            assertTrue(archive.tile(0, 0, 0).isEmpty());
        }
    }

    @Test
    void aTruncatedOrForeignFileIsRefusedNotServed() throws IOException {
        Path file = dir.resolve("bad.pmtiles");
        Files.write(file, "PMTiles".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThrows(IOException.class, () -> TileArchive.open(file));
        Path mb = dir.resolve("bad.mbtiles");
        Files.writeString(mb, "not sqlite");
        assertThrows(IOException.class, () -> TileArchive.open(mb));
    }

    @Test
    void ownBaseMapTilesHoldTheRoadInEveryTileItCrosses() {
        var road = new OwnBaseMap.Feature("roads", "人民路", 12, GEOMETRY.createLineString(new Coordinate[] {
            new Coordinate(117.26, 35.66), new Coordinate(117.28, 35.66)}));
        Map<TileKey, byte[]> tiles = OwnBaseMap.tiles(List.of(road));
        // at zoom 12 a tile spans 0.088° of longitude: 117.26–117.28 lies in one column (x = 3382)
        assertTrue(tiles.containsKey(TileKey.at(12, 35.66, 117.27)));
        assertEquals(3382, TileKey.at(12, 35.66, 117.27).x());
        // at zoom 17 a tile spans 0.00275°: 0.02° of road crosses 8 or 9 columns, one row
        long z17 = tiles.keySet().stream().filter(k -> k.z() == 17).count();
        assertTrue(z17 >= 8 && z17 <= 9, "z17 tiles: " + z17);
    }

    @Test
    void tileUrlsMustBeHttpTemplatesWithZxy() {
        BaseMapSetting ok = BaseMapSetting.of(" https://gis.local/tiles/{z}/{x}/{y}.png ", "", "", "gcj02", "内网");
        assertEquals("https://gis.local/tiles/{z}/{x}/{y}.png", ok.tileUrl());
        assertEquals(Crs.GCJ02, ok.crs());
        assertEquals("tileUrl", assertThrows(Problem.class, () -> BaseMapSetting.of("javascript:alert(1)/{z}/{x}/{y}", "", "", "", "")).field());
        assertEquals("tileUrl", assertThrows(Problem.class, () -> BaseMapSetting.of("file:///etc/{z}/{x}/{y}", "", "", "", "")).field());
        assertEquals("tileUrl", assertThrows(Problem.class, () -> BaseMapSetting.of("https://gis.local/{z}/{x}.png", "", "", "", "")).field());
        assertEquals("tileUrl", assertThrows(Problem.class, () -> BaseMapSetting.of("https://gis.local/\"><script>/{z}/{x}/{y}", "", "", "", "")).field());
        assertEquals("labelUrl", assertThrows(Problem.class, () -> BaseMapSetting.of("", "https://a/{z}/{x}/{y}", "", "", "")).field());
        assertEquals("subdomains", assertThrows(Problem.class, () -> BaseMapSetting.of("http://t{s}.x/{z}/{x}/{y}", "", "a-b", "", "")).field());
        assertEquals("crs", assertThrows(Problem.class, () -> BaseMapSetting.of("http://x/{z}/{x}/{y}", "", "", "bd09", "")).field());
        assertTrue(!BaseMapSetting.of("", "", "", "gcj02", "").online(), "an empty URL means the offline base map");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
