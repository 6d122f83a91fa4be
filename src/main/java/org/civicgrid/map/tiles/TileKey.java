package org.civicgrid.map.tiles;

/** 瓦片号 — a tile's zoom and column/row in XYZ order (row 0 at the north); {@link #valid} checks the ranges. */
record TileKey(int z, int x, int y) {

    /** The deepest zoom the endpoint answers. */
    static final int MAX_ZOOM = 22;

    boolean valid() {
        return z >= 0 && z <= MAX_ZOOM && x >= 0 && y >= 0 && x < (1 << z) && y < (1 << z);
    }

    /** The tile containing a WGS84 point at zoom {@code z}. */
    static TileKey at(int z, double lat, double lon) {
        double n = 1 << z;
        int x = (int) Math.floor(TileProjection.worldX(lon) * n);
        int y = (int) Math.floor(TileProjection.worldY(lat) * n);
        return new TileKey(z, Math.min(Math.max(x, 0), (int) n - 1), Math.min(Math.max(y, 0), (int) n - 1));
    }
}
