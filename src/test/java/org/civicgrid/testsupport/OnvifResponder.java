package org.civicgrid.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A camera on 127.0.0.1 that answers with the recorded real ONVIF exchanges of {@code camera/onvif/*.txt} (the
 * recording's {@code http://127.0.0.1:8000} rewritten to this responder): checks each WS-UsernameToken digest
 * against its password (401 + the recorded {@code ter:NotAuthorized} fault otherwise), keeps every request for the
 * test to inspect, simulates PullPoint subscriptions on a clock (termination, Renew, expiry → fault), answers
 * unknown operations with {@code ter:ActionNotSupported} as devices do, and serves a JPEG snapshot behind HTTP
 * Digest auth. Renew, Unsubscribe, GetPresets, GotoPreset and Media2 answers are written from the ONVIF/WS-N specs
 * (the recording has none), GetRecordings and GetReplayUri (Profile G) are constructed fixtures from the Recording and
 * Replay specs; everything else is recorded. {@link #withoutRecordings()} makes it a camera without Profile G.
 */
public final class OnvifResponder implements AutoCloseable {

    /** The password of the recorded device (its digests check out with it). */
    public static final String PASSWORD = "admin";
    public static final String USER = "admin";
    public static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, (byte) 0xff, (byte) 0xd9};
    private static final String RECORDED_BASE = "http://127.0.0.1:8000";
    private static final Pattern DIGEST_PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    /** One request the responder received. */
    public record Received(String path, String operation, String body, Element envelope) {

        public String text(String localName) {
            var found = envelope.getElementsByTagNameNS("*", localName);
            return found.getLength() == 0 ? null : found.item(0).getTextContent();
        }
    }

    private final HttpServer server;
    private final boolean https;
    private final Map<String, String> recorded = new HashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> subscriptions = new HashMap<>();
    private final AtomicInteger subscriptionIds = new AtomicInteger();
    private final Clock clock;
    private volatile boolean media2;
    private volatile boolean failNextPull;
    private volatile boolean noGetServices;
    private volatile boolean noRecordings;
    private volatile boolean down;
    private final List<String> queued = new CopyOnWriteArrayList<>();

    public OnvifResponder(Clock clock) {
        this(clock, null);
    }

    /** A camera that answers over https with the key and certificate of {@code tls}. */
    public OnvifResponder(Clock clock, javax.net.ssl.SSLContext tls) {
        this.clock = clock;
        this.https = tls != null;
        for (String name : List.of("GetSystemDateAndTime-noauth", "GetDeviceInformation", "GetDeviceInformation-noauth-401", "GetServices",
                "GetCapabilities", "GetProfiles", "GetStreamUri", "GetSnapshotUri", "CreatePullPointSubscription", "PullMessages", "GetRecordings",
                "GetReplayUri")) {
            recorded.put(name, responseBody(fixture(name)));
        }
        try {
            if (tls == null) {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } else {
                com.sun.net.httpserver.HttpsServer secure = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                secure.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
                server = secure;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String base() {
        return (https ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public String deviceService() {
        return base() + "/onvif/device_service";
    }

    /** Answer Media2 calls (hand-written from the Media2 spec) instead of ActionNotSupported. */
    public OnvifResponder withMedia2(boolean on) {
        media2 = on;
        return this;
    }

    /**
     * Adds a changed-state notification (as the recorded ones, with PropertyOperation="Changed") to the next
     * PullMessages answer. Items are {@code Name=Value} pairs.
     */
    public void queueNotification(String topic, String utcTime, Map<String, String> source, Map<String, String> data) {
        StringBuilder m = new StringBuilder("<wsnt:NotificationMessage><wsnt:Topic Dialect=\"http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet\">")
                .append(topic).append("</wsnt:Topic><wsnt:Message><tt:Message UtcTime=\"").append(utcTime).append("\" PropertyOperation=\"Changed\"><tt:Source>");
        source.forEach((k, v) -> m.append("<tt:SimpleItem Name=\"").append(k).append("\" Value=\"").append(v).append("\" />"));
        m.append("</tt:Source><tt:Data>");
        data.forEach((k, v) -> m.append("<tt:SimpleItem Name=\"").append(k).append("\" Value=\"").append(v).append("\" />"));
        queued.add(m.append("</tt:Data></tt:Message></wsnt:Message></wsnt:NotificationMessage>").toString());
    }

    /** Answer GetServices with ActionNotSupported, as cameras before ONVIF 2.0 do. */
    public OnvifResponder withoutGetServices() {
        noGetServices = true;
        return this;
    }

    /**
     * A camera without Profile G: GetServices and GetCapabilities name no recording, search or replay service, and
     * their calls are answered ActionNotSupported.
     */
    public OnvifResponder withoutRecordings() {
        noRecordings = true;
        return this;
    }

    public void failNextPull() {
        failNextPull = true;
    }

    /** Stop answering SOAP (HTTP 503), as a camera that hangs. */
    public void down(boolean isDown) {
        down = isDown;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String operation) {
        return received.stream().filter(r -> r.operation().equals(operation)).toList();
    }

    public void clear() {
        received.clear();
    }

    /** The raw text of a recorded fixture file. */
    public static String fixture(String name) {
        try (InputStream in = OnvifResponder.class.getResourceAsStream("/camera/onvif/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String requestBody(String fixture) {
        String request = fixture.substring(0, fixture.indexOf("----- RESPONSE"));
        return request.substring(request.indexOf("<?xml")).trim();
    }

    static String responseBody(String fixture) {
        String response = fixture.substring(fixture.indexOf("----- RESPONSE"));
        return response.substring(response.indexOf('\n') + 1).trim();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/snapshot/")) {
                snapshot(exchange);
                return;
            }
            if (down) {
                send(exchange, 503, "text/plain", "busy");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Element envelope = parse(body);
            Element operation = firstChild(child(envelope, "Body"));
            String op = operation.getLocalName();
            received.add(new Received(path, op, body, envelope));
            if (!"GetSystemDateAndTime".equals(op) && !authorized(envelope)) {
                send(exchange, 401, "application/soap+xml; charset=utf-8", recorded.get("GetDeviceInformation-noauth-401"));
                return;
            }
            Answer answer = answer(path, op, operation);
            send(exchange, answer.status, "application/soap+xml; charset=utf-8", answer.body.replace(RECORDED_BASE, base()));
        }
    }

    private record Answer(int status, String body) {
    }

    private synchronized Answer answer(String path, String op, Element operation) {
        boolean mediaTwo = operation.getNamespaceURI().equals("http://www.onvif.org/ver20/media/wsdl");
        if (mediaTwo) {
            return media2 ? new Answer(200, media2(op)) : fault("ter:ActionNotSupported", "Optional Action Not Implemented");
        }
        if (noGetServices && "GetServices".equals(op)) {
            return fault("ter:ActionNotSupported", "Optional Action Not Implemented");
        }
        if (noRecordings) {
            switch (op) {
                case "GetServices":
                    return new Answer(200, recorded.get(op).replaceAll("<tds:Service><tds:Namespace>http://www.onvif.org/ver10/(recording|search|replay)/wsdl"
                            + "</tds:Namespace>.*?</tds:Service>", ""));
                case "GetCapabilities":
                    return new Answer(200, recorded.get(op).replaceAll("<tt:(Recording|Search|Replay)>.*?</tt:\\1>", ""));
                case "GetRecordings", "GetReplayUri":
                    return fault("ter:ActionNotSupported", "Optional Action Not Implemented");
                default:
                    break;
            }
        }
        switch (op) {
            case "GetSystemDateAndTime":
                return new Answer(200, recorded.get("GetSystemDateAndTime-noauth"));
            case "GetDeviceInformation", "GetServices", "GetCapabilities", "GetProfiles", "GetStreamUri", "GetSnapshotUri", "GetRecordings":
                return new Answer(200, recorded.get(op));
            case "CreatePullPointSubscription": {
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                Duration initial = Duration.parse(operation.getElementsByTagNameNS("*", "InitialTerminationTime").item(0).getTextContent());
                String address = "/event_service/" + subscriptionIds.getAndIncrement();
                subscriptions.put(address, now.plus(initial));
                return new Answer(200, recorded.get(op).replace("/event_service/0", address)
                        .replace("2026-11-22T01:26:17Z", now.toString()).replace("2026-11-22T01:27:17Z", now.plus(initial).toString()));
            }
            case "PullMessages", "Renew", "Unsubscribe":
                return subscription(path, op, operation);
            case "GetPresets":
                return new Answer(200, envelope("<tptz:GetPresetsResponse><tptz:Preset token=\"1\"><tt:Name>路口东</tt:Name></tptz:Preset>"
                        + "<tptz:Preset token=\"2\"><tt:Name>市场门口</tt:Name></tptz:Preset></tptz:GetPresetsResponse>"));
            case "GetReplayUri":
                String token = operation.getElementsByTagNameNS("*", "RecordingToken").item(0).getTextContent();
                return "RecordingToken_1".equals(token) ? new Answer(200, recorded.get(op))
                        : fault("ter:InvalidArgVal", "The RecordingToken does not reference an existing recording");
            case "GotoPreset":
                return new Answer(200, envelope("<tptz:GotoPresetResponse/>"));
            default:
                return fault("ter:ActionNotSupported", "Optional Action Not Implemented");
        }
    }

    private Answer subscription(String path, String op, Element operation) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant termination = subscriptions.get(path);
        if (termination == null || !now.isBefore(termination)) {
            subscriptions.remove(path);
            return fault("wsrf-rw:ResourceUnknownFault", "no such subscription");
        }
        switch (op) {
            case "PullMessages":
                if (failNextPull) {
                    failNextPull = false;
                    return new Answer(500, envelope("<s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text xml:lang=\"en\">internal error</s:Text></s:Reason></s:Fault>"));
                }
                String extra = String.join("", queued);
                queued.clear();
                return new Answer(200, recorded.get("PullMessages").replace("2026-11-22T01:26:21Z", now.toString())
                        .replace("2026-11-22T01:27:21Z", termination.toString()).replace("</tev:PullMessagesResponse>", extra + "</tev:PullMessagesResponse>"));
            case "Renew":
                Duration asked = Duration.parse(operation.getElementsByTagNameNS("*", "TerminationTime").item(0).getTextContent());
                subscriptions.put(path, now.plus(asked));
                return new Answer(200, envelope("<wsnt:RenewResponse><wsnt:TerminationTime>" + now.plus(asked) + "</wsnt:TerminationTime><wsnt:CurrentTime>"
                        + now + "</wsnt:CurrentTime></wsnt:RenewResponse>"));
            default:
                subscriptions.remove(path);
                return new Answer(200, envelope("<wsnt:UnsubscribeResponse/>"));
        }
    }

    private static String media2(String op) {
        return switch (op) {
            case "GetProfiles" -> envelope("<tr2:GetProfilesResponse><tr2:Profiles token=\"Profile_265\" fixed=\"true\"><tr2:Name>MainStream</tr2:Name>"
                    + "<tr2:Configurations><tr2:VideoSource token=\"VideoSourceConfigurationToken_1\"><tt:Name>VideoSource</tt:Name><tt:UseCount>1</tt:UseCount>"
                    + "<tt:SourceToken>VideoSourceToken_1</tt:SourceToken><tt:Bounds x=\"0\" y=\"0\" width=\"2560\" height=\"1440\"/></tr2:VideoSource>"
                    + "<tr2:VideoEncoder token=\"VideoEncoder_1\"><tt:Name>VideoEncoder</tt:Name><tt:UseCount>1</tt:UseCount><tt:Encoding>H265</tt:Encoding>"
                    + "<tt:Resolution><tt:Width>2560</tt:Width><tt:Height>1440</tt:Height></tt:Resolution></tr2:VideoEncoder>"
                    + "<tr2:PTZ token=\"PTZConfigurationToken_1\"><tt:Name>PTZ</tt:Name><tt:UseCount>1</tt:UseCount><tt:NodeToken>PTZNodeToken_1</tt:NodeToken></tr2:PTZ>"
                    + "</tr2:Configurations></tr2:Profiles></tr2:GetProfilesResponse>");
            case "GetStreamUri" -> envelope("<tr2:GetStreamUriResponse><tr2:Uri>rtsp://127.0.0.1:554/h265main</tr2:Uri></tr2:GetStreamUriResponse>");
            case "GetSnapshotUri" -> envelope("<tr2:GetSnapshotUriResponse><tr2:Uri>" + RECORDED_BASE + "/snapshot/Profile_265</tr2:Uri></tr2:GetSnapshotUriResponse>");
            default -> fault("ter:ActionNotSupported", "Optional Action Not Implemented").body;
        };
    }

    private static Answer fault(String subcode, String reason) {
        return new Answer(400, envelope("<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>" + subcode + "</s:Value></s:Subcode></s:Code>"
                + "<s:Reason><s:Text xml:lang=\"en\">" + reason + "</s:Text></s:Reason></s:Fault>"));
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:tt=\"http://www.onvif.org/ver10/schema\" xmlns:tr2=\"http://www.onvif.org/ver20/media/wsdl\""
                + " xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\" xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\""
                + " xmlns:wsrf-rw=\"http://docs.oasis-open.org/wsrf/rw-2\" xmlns:ter=\"http://www.onvif.org/ver10/error\"><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    /** Checks the PasswordDigest = Base64(SHA-1(nonce + created + password)). */
    private static boolean authorized(Element envelope) {
        var tokens = envelope.getElementsByTagNameNS("*", "UsernameToken");
        if (tokens.getLength() == 0) {
            return false;
        }
        Element token = (Element) tokens.item(0);
        String user = token.getElementsByTagNameNS("*", "Username").item(0).getTextContent();
        String digest = token.getElementsByTagNameNS("*", "Password").item(0).getTextContent();
        byte[] nonce = Base64.getDecoder().decode(token.getElementsByTagNameNS("*", "Nonce").item(0).getTextContent());
        String created = token.getElementsByTagNameNS("*", "Created").item(0).getTextContent();
        return USER.equals(user) && digest.equals(digest(nonce, created, PASSWORD));
    }

    public static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void snapshot(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
        if (auth == null || !digestOk(auth, nonce, exchange.getRequestURI().getRawPath())) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"IP Camera\", qop=\"auth\", nonce=\"" + nonce + "\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
            send(exchange, 401, "text/plain", "unauthorized");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
        exchange.sendResponseHeaders(200, JPEG.length);
        exchange.getResponseBody().write(JPEG);
    }

    private static boolean digestOk(String header, String nonce, String path) {
        if (!header.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = DIGEST_PARAM.matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String ha1 = md5(USER + ":IP Camera:" + PASSWORD);
        String ha2 = md5("GET:" + path);
        String expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        return USER.equals(p.get("username")) && nonce.equals(p.get("nonce")) && path.equals(p.get("uri")) && expected.equals(p.get("response"));
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    public static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + xml, e);
        }
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + localName);
    }

    private static Element firstChild(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalArgumentException("empty body");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
