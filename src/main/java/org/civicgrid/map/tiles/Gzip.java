package org.civicgrid.map.tiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** 压缩瓦片 — tiles in archives are usually gzipped (tippecanoe, planetiler); the box stores and reads them so. */
final class Gzip {

    /** A tile bigger than this unpacked is refused: an archive is data from outside, not to be trusted with memory. */
    static final int MAX_TILE_BYTES = 8 * 1024 * 1024;

    private Gzip() {
    }

    static byte[] unwrap(byte[] data) throws IOException {
        if (data == null || data.length < 2 || (data[0] & 0xff) != 0x1f || (data[1] & 0xff) != 0x8b) {
            return data;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            byte[] out = in.readNBytes(MAX_TILE_BYTES + 1);
            if (out.length > MAX_TILE_BYTES) {
                throw new IOException("tile larger than " + MAX_TILE_BYTES + " bytes unpacked");
            }
            return out;
        }
    }

    static byte[] wrap(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
