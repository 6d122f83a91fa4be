package org.civicgrid.map.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * PMTiles 瓦片包 — a PMTiles v3 file read with positioned reads: the 127-byte header, the root directory and leaf
 * directories (varint entries, gzip or uncompressed), tiles found by their Hilbert tile id. Brotli/zstd directories are
 * refused with a clear message (convert with {@code pmtiles convert} or use gzip).
 */
final class PmTilesArchive implements TileArchive {

    private static final int HEADER = 127;
    private static final int MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
    private static final int MAX_DEPTH = 4;

    private final FileChannel file;
    private final Info info;
    private final long rootOffset;
    private final long rootLength;
    private final long leafOffset;
    private final long dataOffset;
    private final int internalCompression;

    private PmTilesArchive(FileChannel file, ByteBuffer h, String name) throws IOException {
        this.file = file;
        this.rootOffset = h.getLong(8);
        this.rootLength = h.getLong(16);
        this.leafOffset = h.getLong(40);
        this.dataOffset = h.getLong(56);
        this.internalCompression = h.get(97);
        if (internalCompression != 1 && internalCompression != 2) {
            throw new IOException("PMTiles directories compressed with brotli/zstd are not supported; use gzip");
        }
        int tileType = h.get(99);
        this.info = new Info(name, tileType == 1 ? "pbf" : tileType == 2 ? "png" : tileType == 3 ? "jpg" : "webp",
                h.get(100) & 0xff, h.get(101) & 0xff, h.getInt(102) / 1e7, h.getInt(106) / 1e7, h.getInt(110) / 1e7, h.getInt(114) / 1e7);
    }

    static PmTilesArchive open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            ByteBuffer h = read(channel, 0, HEADER);
            byte[] magic = new byte[7];
            h.get(0, magic);
            if (!"PMTiles".equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII)) || h.get(7) != 3) {
                throw new IOException("not a PMTiles v3 file: " + path.getFileName());
            }
            return new PmTilesArchive(channel, h, path.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e instanceof IOException io ? io : new IOException("unreadable PMTiles: " + e.getMessage(), e);
        }
    }

    @Override
    public Info info() {
        return info;
    }

    @Override
    public Optional<byte[]> tile(int z, int x, int y) throws IOException {
        long id = tileId(z, x, y);
        long dirOffset = rootOffset;
        long dirLength = rootLength;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            long[][] entries = directory(dirOffset, dirLength);
            int i = find(entries[0], id);
            if (i < 0) {
                return Optional.empty();
            }
            long runLength = entries[1][i];
            if (runLength == 0) { // a leaf directory
                dirOffset = leafOffset + entries[3][i];
                dirLength = entries[2][i];
                continue;
            }
            if (id - entries[0][i] >= runLength) {
                return Optional.empty();
            }
            ByteBuffer tile = read(file, dataOffset + entries[3][i], checkedLength(entries[2][i], Gzip.MAX_TILE_BYTES));
            byte[] bytes = new byte[tile.remaining()];
            tile.get(bytes);
            return Optional.of(Gzip.unwrap(bytes));
        }
        return Optional.empty();
    }

    /** The PMTiles tile id: all tiles of lower zooms first, then the Hilbert index of {@code x, y}. */
    static long tileId(int z, int x, int y) {
        long acc = ((1L << (2 * z)) - 1) / 3;
        long rx;
        long ry;
        long d = 0;
        long tx = x;
        long ty = y;
        long n = 1L << z;
        for (long s = n / 2; s > 0; s /= 2) {
            rx = (tx & s) > 0 ? 1 : 0;
            ry = (ty & s) > 0 ? 1 : 0;
            d += s * s * ((3 * rx) ^ ry);
            if (ry == 0) {
                if (rx == 1) {
                    tx = n - 1 - tx;
                    ty = n - 1 - ty;
                }
                long t = tx;
                tx = ty;
                ty = t;
            }
        }
        return acc + d;
    }

    private static int find(long[] ids, long id) {
        int lo = 0;
        int hi = ids.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ids[mid] <= id) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** A directory as four columns: tile ids, run lengths, lengths, offsets (relative to its section). */
    private long[][] directory(long offset, long length) throws IOException {
        ByteBuffer raw = read(file, offset, checkedLength(length, MAX_DIRECTORY_BYTES));
        byte[] bytes = new byte[raw.remaining()];
        raw.get(bytes);
        InputStream in = new ByteArrayInputStream(bytes);
        if (internalCompression == 2) {
            in = new GZIPInputStream(in);
        }
        try (InputStream data = in) {
            long count = varint(data);
            if (count < 0 || count > MAX_DIRECTORY_BYTES) {
                throw new IOException("PMTiles directory too large");
            }
            int n = (int) count;
            long[][] e = new long[4][n];
            long last = 0;
            for (int i = 0; i < n; i++) {
                last += varint(data);
                e[0][i] = last;
            }
            for (int c = 1; c <= 2; c++) {
                for (int i = 0; i < n; i++) {
                    e[c][i] = varint(data);
                }
            }
            for (int i = 0; i < n; i++) {
                long v = varint(data);
                e[3][i] = v == 0 && i > 0 ? e[3][i - 1] + e[2][i - 1] : v - 1;
            }
            return e;
        }
    }

    private static long varint(InputStream in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("PMTiles directory ends early");
            }
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("PMTiles varint too long");
    }

    private static int checkedLength(long length, int max) throws IOException {
        if (length < 0 || length > max) {
            throw new IOException("PMTiles entry of " + length + " bytes is out of range");
        }
        return (int) length;
    }

    private static ByteBuffer read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("PMTiles file ends early");
            }
        }
        return buffer.flip();
    }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException ignored) {
            // read-only file
        }
    }
}
