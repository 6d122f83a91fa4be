package org.civicgrid.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Real JPEG photos for upload tests: a small picture drawn with ImageIO, optionally with an EXIF APP1 segment carrying
 * GPS tags (GPSLatitudeRef/GPSLatitude/GPSLongitudeRef/GPSLongitude as degrees, minutes, seconds rationals) as a phone
 * camera writes them.
 */
public final class GpsJpeg {

    private GpsJpeg() {
    }

    /** A JPEG without EXIF. */
    public static byte[] plain() {
        try {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(120, 160, 90));
            g.fillRect(0, 0, 64, 48);
            g.setColor(Color.DARK_GRAY);
            g.fillOval(20, 12, 24, 24);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG whose EXIF says it was taken at {@code lat}, {@code lon} (WGS84). */
    public static byte[] at(double lat, double lon) {
        byte[] jpeg = plain();
        byte[] exif = exif(lat, lon);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Writes the photo to a temporary file (for browser uploads). */
    public static Path file(byte[] jpeg, String name) {
        try {
            Path dir = Files.createTempDirectory("civicgrid-photo-");
            Path file = dir.resolve(name);
            Files.write(file, jpeg);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Exif\0\0" + a big-endian TIFF: IFD0 with the GPS IFD pointer, the GPS IFD with four tags, then the rationals. */
    private static byte[] exif(double lat, double lon) {
        ByteBuffer b = ByteBuffer.allocate(200);
        b.put(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        int tiff = b.position();
        b.put(new byte[] {'M', 'M', 0, 42});
        b.putInt(8); // IFD0 offset
        // IFD0 at 8: one entry (GPS IFD pointer 0x8825, LONG) → GPS IFD at 26
        b.putShort((short) 1);
        entry(b, 0x8825, 4, 1, 26);
        b.putInt(0);
        // GPS IFD at 26: four entries (2 + 4 * 12 + 4 = 54 bytes) → rationals at 80
        b.putShort((short) 4);
        entryAscii(b, 0x0001, lat >= 0 ? 'N' : 'S');
        entry(b, 0x0002, 5, 3, 80);
        entryAscii(b, 0x0003, lon >= 0 ? 'E' : 'W');
        entry(b, 0x0004, 5, 3, 104);
        b.putInt(0);
        rationals(b, Math.abs(lat));
        rationals(b, Math.abs(lon));
        int end = b.position();
        byte[] result = new byte[end];
        b.flip();
        b.get(result);
        if (tiff != 6) {
            throw new IllegalStateException();
        }
        return result;
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag);
        b.putShort((short) type);
        b.putInt(count);
        b.putInt(value);
    }

    private static void entryAscii(ByteBuffer b, int tag, char c) {
        b.putShort((short) tag);
        b.putShort((short) 2);
        b.putInt(2);
        b.put((byte) c);
        b.put((byte) 0);
        b.putShort((short) 0);
    }

    /** Degrees, minutes and seconds (to 1/10000 s) as three RATIONALs. */
    private static void rationals(ByteBuffer b, double degrees) {
        int d = (int) degrees;
        double minutesAll = (degrees - d) * 60;
        int m = (int) minutesAll;
        long s = Math.round((minutesAll - m) * 60 * 10000);
        b.putInt(d).putInt(1);
        b.putInt(m).putInt(1);
        b.putInt((int) s).putInt(10000);
    }
}
