package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.civicgrid.testsupport.MisbehavingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 视频片段下载 against a small local HTTP server and a misbehaving one: bounded size, one deadline, written to a file. */
class ClipDownloadTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final byte[] CLIP = new byte[3000];

    private HttpServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        for (int i = 0; i < CLIP.length; i++) {
            CLIP[i] = (byte) i;
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/events/1/clip.mp4", x -> {
            x.sendResponseHeaders(200, CLIP.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(CLIP);
            }
        });
        server.createContext("/api/events/2/clip.mp4", x -> { // chunked: no length announced, 3000 bytes sent
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 30; i++) {
                    out.write(CLIP, i * 100, 100);
                    out.flush();
                }
            }
        });
        server.createContext("/api/events/3/clip.mp4", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(int event) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/events/" + event + "/clip.mp4";
    }

    @Test
    void aSmallClipIsFetchedWhole() throws IOException {
        Path file = dir.resolve("clip.mp4");
        assertEquals(3000, ClipDownload.fetch(HTTP, url(1), file, 3000, Duration.ofSeconds(20)));
        assertArrayEquals(CLIP, Files.readAllBytes(file));
        Files.write(file, new byte[5000]); // a left-over of a longer try is replaced, not appended to
        assertEquals(3000, ClipDownload.fetch(HTTP, url(2), file, 3000, Duration.ofSeconds(20)));
        assertArrayEquals(CLIP, Files.readAllBytes(file));
    }

    @Test
    void aClipOverTheBoundStaysALinkWhetherAnnouncedOrNot() throws IOException {
        Path file = dir.resolve("big.mp4");
        assertThrows(ClipDownload.TooLarge.class, () -> ClipDownload.fetch(HTTP, url(1), file, 2999, Duration.ofSeconds(20)));
        assertThrows(ClipDownload.TooLarge.class, () -> ClipDownload.fetch(HTTP, url(2), file, 1000, Duration.ofSeconds(20)));
        assertTrue(Files.size(file) <= 1000, "never more than the bound on disk: " + Files.size(file));
    }

    @Test
    void aMissingClipIsAnErrorNotAnEmptyFile() {
        IOException e = assertThrows(IOException.class, () -> ClipDownload.fetch(HTTP, url(3), dir.resolve("missing.mp4"), 3000, Duration.ofSeconds(20)));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertFalse(e instanceof ClipDownload.TooLarge);
    }

    @Test
    void aServerThatStallsAfterTheHeadersIsAbandonedAtTheDeadline() {
        long started = System.nanoTime();
        try (MisbehavingServer stalling = new MisbehavingServer(MisbehavingServer.Mode.SILENT_AFTER_HEADERS)) {
            IOException e = assertThrows(IOException.class,
                    () -> ClipDownload.fetch(HTTP, stalling.base() + "/api/events/9/clip.mp4", dir.resolve("stalled.mp4"), 100_000_000, Duration.ofSeconds(2)));
            assertTrue(e.getMessage().contains("timed out"), e.toString());
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos(), "abandoned at the deadline, not at a socket timeout");
        }
    }
}
