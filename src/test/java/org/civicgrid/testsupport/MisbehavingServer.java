package org.civicgrid.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A device on 127.0.0.1 that misbehaves as real ones were seen to: answers the headers of a large body and one byte,
 * then falls silent (holding the connection until closed); answers HTTP 200 with garbage or with a web page; or sends
 * bytes that are not HTTP at all. {@link #refusingAddress()} gives a port nobody listens on.
 */
public final class MisbehavingServer implements AutoCloseable {

    /** How the server answers every request. */
    public enum Mode {
        SILENT_AFTER_HEADERS, GARBAGE, WEB_PAGE, NOT_HTTP
    }

    private final ServerSocket server;
    private final Mode mode;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    public MisbehavingServer(Mode mode) {
        this.mode = mode;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "misbehaving-" + mode);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public String deviceService() {
        return base() + "/onvif/device_service";
    }

    /** Requests whose headers arrived. */
    public int requests() {
        return requests.get();
    }

    /** An address where the connection is refused: a port that was just bound and released. */
    public static String refusingAddress() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/onvif/device_service";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                held.add(s);
                Thread t = new Thread(() -> answer(s), "misbehaving-answer");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            readHeaders(in);
            requests.incrementAndGet();
            OutputStream out = s.getOutputStream();
            switch (mode) {
                case SILENT_AFTER_HEADERS -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml\r\nContent-Length: 1000000\r\n\r\n<".getBytes(StandardCharsets.US_ASCII));
                    out.flush(); // and then nothing, until the client gives up or the test ends
                }
                case GARBAGE -> respond(s, "application/soap+xml", "\u0001\u0002 definitely <not xml");
                case WEB_PAGE -> respond(s, "text/html", "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome</h1></body></html>");
                case NOT_HTTP -> {
                    out.write("SSH-2.0-OpenSSH_9.2\r\n\u0000\u0001garbage".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    s.close();
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void respond(Socket s, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = s.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        s.close();
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
