package org.civicgrid.camera.onvif;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.w3c.dom.Element;

/**
 * ONVIF over HTTP — SOAP 1.2 with a WS-UsernameToken digest on every call except GetSystemDateAndTime, which comes
 * first to learn the camera's clock skew. Not thread-safe per instance beyond the skew (a volatile); make one per use.
 */
public final class HttpOnvifDevice implements OnvifDevice {

    static final String EVENTS_NS = "http://www.onvif.org/ver10/events/wsdl";
    static final String WSNT_NS = "http://docs.oasis-open.org/wsn/b-2";
    static final String MEDIA2_NS = "http://www.onvif.org/ver20/media/wsdl";
    static final String PTZ_NS = "http://www.onvif.org/ver20/ptz/wsdl";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI deviceService;
    private final String username;
    private final String password;
    private final HttpClient http;
    private final Clock clock;
    private final Supplier<byte[]> nonces;
    private final Duration timeout;
    private volatile Duration skew;
    private volatile Services services;

    HttpOnvifDevice(URI deviceService, String username, String password, HttpClient http, Clock clock, Supplier<byte[]> nonces, Duration timeout) {
        this.deviceService = deviceService;
        this.username = username;
        this.password = password;
        this.http = http;
        this.clock = clock;
        this.nonces = nonces;
        this.timeout = timeout;
    }

    /** A device at its device service URL ({@code http://host[:port]/onvif/device_service}), random nonces. */
    public static HttpOnvifDevice connect(URI deviceService, String username, String password, HttpClient http, Clock clock, Duration timeout) {
        return new HttpOnvifDevice(deviceService, username, password, http, clock, HttpOnvifDevice::randomNonce, timeout);
    }

    /** The device service URL for what a person types: {@code 192.168.1.64}, {@code host:8000} or a full URL. */
    public static URI deviceServiceUrl(String address) {
        String a = address == null ? "" : address.trim();
        if (a.isEmpty()) {
            throw new IllegalArgumentException("give the camera's address (IP, host:port or http://…/onvif/device_service)");
        }
        URI uri = URI.create(a.contains("://") ? a : "http://" + a);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) address: " + address);
        }
        return uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath()) ? uri.resolve("/onvif/device_service") : uri;
    }

    static byte[] randomNonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    public URI deviceService() {
        return deviceService;
    }

    /** The camera's clock minus ours, once GetSystemDateAndTime has been called. */
    public Optional<Duration> skew() {
        return Optional.ofNullable(skew);
    }

    @Override
    public Instant systemTime() {
        Element r = call(deviceService, "<tds:GetSystemDateAndTime/>", false);
        Element utc = SoapXml.first(r, "UTCDateTime").orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "no UTCDateTime in GetSystemDateAndTime"));
        Element date = SoapXml.child(utc, "Date").orElseThrow();
        Element time = SoapXml.child(utc, "Time").orElseThrow();
        Instant cameraNow = LocalDate.of(num(date, "Year"), num(date, "Month"), num(date, "Day"))
                .atTime(LocalTime.of(num(time, "Hour"), num(time, "Minute"), num(time, "Second"))).toInstant(ZoneOffset.UTC);
        skew = Duration.between(clock.instant(), cameraNow);
        return cameraNow;
    }

    @Override
    public Info deviceInformation() {
        Element r = call(deviceService, "<tds:GetDeviceInformation/>", true);
        return new Info(SoapXml.childText(r, "Manufacturer"), SoapXml.childText(r, "Model"), SoapXml.childText(r, "FirmwareVersion"),
                SoapXml.childText(r, "SerialNumber"), SoapXml.childText(r, "HardwareId"));
    }

    @Override
    public Services services() {
        Services known = services;
        if (known != null) {
            return known;
        }
        try {
            Element r = call(deviceService, "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>", true);
            URI device = null, media = null, media2 = null, ptz = null, events = null;
            for (Element s : SoapXml.children(r, "Service")) {
                String ns = SoapXml.childText(s, "Namespace");
                URI at = uri(SoapXml.childText(s, "XAddr"));
                switch (ns == null ? "" : ns) {
                    case "http://www.onvif.org/ver10/device/wsdl" -> device = at;
                    case "http://www.onvif.org/ver10/media/wsdl" -> media = at;
                    case MEDIA2_NS -> media2 = at;
                    case PTZ_NS -> ptz = at;
                    case EVENTS_NS -> events = at;
                    default -> { }
                }
            }
            known = new Services(device == null ? deviceService : device, media, media2, ptz, events);
        } catch (OnvifException e) {
            if (e.kind() != OnvifException.Kind.FAULT) {
                throw e;
            }
            known = fromCapabilities(); // cameras before ONVIF 2.0 have no GetServices
        }
        services = known;
        return known;
    }

    private Services fromCapabilities() {
        Element r = call(deviceService, "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>", true);
        Element caps = SoapXml.child(r, "Capabilities").orElse(r);
        return new Services(deviceService, xaddr(caps, "Media"), null, xaddr(caps, "PTZ"), xaddr(caps, "Events"));
    }

    private static URI xaddr(Element caps, String service) {
        return SoapXml.child(caps, service).map(e -> uri(SoapXml.childText(e, "XAddr"))).orElse(null);
    }

    @Override
    public List<Profile> profiles() {
        Services s = services();
        if (s.media2() != null) {
            try {
                return media2Profiles(s.media2());
            } catch (OnvifException e) {
                if (e.kind() != OnvifException.Kind.FAULT || s.media() == null) {
                    throw e;
                }
            }
        }
        Element r = call(media(s), "<trt:GetProfiles/>", true);
        List<Profile> profiles = new ArrayList<>();
        for (Element p : SoapXml.children(r, "Profiles")) {
            Optional<Element> encoder = SoapXml.child(p, "VideoEncoderConfiguration");
            profiles.add(new Profile(p.getAttribute("token"), SoapXml.childText(p, "Name"), encoder.map(e -> SoapXml.childText(e, "Encoding")).orElse(null),
                    encoder.map(e -> optionalNum(e, "Width")).orElse(null), encoder.map(e -> optionalNum(e, "Height")).orElse(null),
                    SoapXml.child(p, "PTZConfiguration").isPresent(), false));
        }
        return profiles;
    }

    private List<Profile> media2Profiles(URI media2) {
        Element r = call(media2, "<tr2:GetProfiles xmlns:tr2=\"" + MEDIA2_NS + "\"><tr2:Type>All</tr2:Type></tr2:GetProfiles>", true);
        List<Profile> profiles = new ArrayList<>();
        for (Element p : SoapXml.children(r, "Profiles")) {
            Optional<Element> configs = SoapXml.child(p, "Configurations");
            Optional<Element> encoder = configs.flatMap(c -> SoapXml.child(c, "VideoEncoder"));
            profiles.add(new Profile(p.getAttribute("token"), SoapXml.childText(p, "Name"), encoder.map(e -> SoapXml.childText(e, "Encoding")).orElse(null),
                    encoder.map(e -> optionalNum(e, "Width")).orElse(null), encoder.map(e -> optionalNum(e, "Height")).orElse(null),
                    configs.flatMap(c -> SoapXml.child(c, "PTZ")).isPresent(), true));
        }
        return profiles;
    }

    @Override
    public URI streamUri(Profile profile) {
        String token = SoapXml.escape(profile.token());
        Element r = profile.media2()
                ? call(services().media2(), "<tr2:GetStreamUri xmlns:tr2=\"" + MEDIA2_NS + "\"><tr2:Protocol>RTSP</tr2:Protocol><tr2:ProfileToken>" + token
                        + "</tr2:ProfileToken></tr2:GetStreamUri>", true)
                : call(media(services()), "<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol>"
                        + "</tt:Transport></trt:StreamSetup><trt:ProfileToken>" + token + "</trt:ProfileToken></trt:GetStreamUri>", true);
        return uri(SoapXml.text(r, "Uri"));
    }

    @Override
    public URI snapshotUri(Profile profile) {
        String token = SoapXml.escape(profile.token());
        Element r = profile.media2()
                ? call(services().media2(), "<tr2:GetSnapshotUri xmlns:tr2=\"" + MEDIA2_NS + "\"><tr2:ProfileToken>" + token + "</tr2:ProfileToken></tr2:GetSnapshotUri>", true)
                : call(media(services()), "<trt:GetSnapshotUri><trt:ProfileToken>" + token + "</trt:ProfileToken></trt:GetSnapshotUri>", true);
        return uri(SoapXml.text(r, "Uri"));
    }

    @Override
    public List<Preset> presets(String profileToken) {
        Element r = call(ptz(), "<tptz:GetPresets xmlns:tptz=\"" + PTZ_NS + "\"><tptz:ProfileToken>" + SoapXml.escape(profileToken)
                + "</tptz:ProfileToken></tptz:GetPresets>", true);
        List<Preset> presets = new ArrayList<>();
        for (Element p : SoapXml.children(r, "Preset")) {
            presets.add(new Preset(p.getAttribute("token"), SoapXml.childText(p, "Name")));
        }
        return presets;
    }

    @Override
    public void gotoPreset(String profileToken, String presetToken) {
        call(ptz(), "<tptz:GotoPreset xmlns:tptz=\"" + PTZ_NS + "\"><tptz:ProfileToken>" + SoapXml.escape(profileToken) + "</tptz:ProfileToken>"
                + "<tptz:PresetToken>" + SoapXml.escape(presetToken) + "</tptz:PresetToken></tptz:GotoPreset>", true);
    }

    @Override
    public Subscription createPullPoint(Duration initialTermination) {
        URI events = Optional.ofNullable(services().events()).orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "the camera has no event service"));
        Element r = call(events, "<tev:CreatePullPointSubscription xmlns:tev=\"" + EVENTS_NS + "\"><tev:InitialTerminationTime>" + duration(initialTermination)
                + "</tev:InitialTerminationTime></tev:CreatePullPointSubscription>", true);
        Element reference = SoapXml.child(r, "SubscriptionReference")
                .orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "no SubscriptionReference in CreatePullPointSubscription"));
        return new Subscription(uri(SoapXml.text(reference, "Address")), instant(SoapXml.childText(r, "CurrentTime")),
                instant(SoapXml.childText(r, "TerminationTime")));
    }

    @Override
    public Pulled pullMessages(URI subscription, Duration pullTimeout, int messageLimit) {
        Element r = call(subscription, "<tev:PullMessages xmlns:tev=\"" + EVENTS_NS + "\"><tev:Timeout>" + duration(pullTimeout) + "</tev:Timeout><tev:MessageLimit>"
                + messageLimit + "</tev:MessageLimit></tev:PullMessages>", true, timeout.plus(pullTimeout));
        List<Notification> messages = new ArrayList<>();
        for (Element n : SoapXml.children(r, "NotificationMessage")) {
            String topic = SoapXml.childText(n, "Topic");
            Element message = SoapXml.child(n, "Message").flatMap(m -> SoapXml.child(m, "Message")).orElse(null);
            if (topic == null || message == null) {
                continue;
            }
            String utc = message.getAttribute("UtcTime");
            messages.add(new Notification(topic, utc.isEmpty() ? null : instant(utc), emptyToNull(message.getAttribute("PropertyOperation")),
                    SoapXml.simpleItems(SoapXml.child(message, "Source").orElse(null)), SoapXml.simpleItems(SoapXml.child(message, "Data").orElse(null))));
        }
        return new Pulled(instant(SoapXml.childText(r, "CurrentTime")), instant(SoapXml.childText(r, "TerminationTime")), List.copyOf(messages));
    }

    @Override
    public Subscription renew(URI subscription, Duration termination) {
        Element r = call(subscription, "<wsnt:Renew xmlns:wsnt=\"" + WSNT_NS + "\"><wsnt:TerminationTime>" + duration(termination)
                + "</wsnt:TerminationTime></wsnt:Renew>", true);
        return new Subscription(subscription, instant(SoapXml.childText(r, "CurrentTime")), instant(SoapXml.childText(r, "TerminationTime")));
    }

    @Override
    public void unsubscribe(URI subscription) {
        call(subscription, "<wsnt:Unsubscribe xmlns:wsnt=\"" + WSNT_NS + "\"/>", true);
    }

    private URI media(Services s) {
        return Optional.ofNullable(s.media()).orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "the camera has no media service"));
    }

    private URI ptz() {
        return Optional.ofNullable(services().ptz()).orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "the camera has no PTZ service"));
    }

    private Element call(URI endpoint, String body, boolean authenticated) {
        return call(endpoint, body, authenticated, timeout);
    }

    private Element call(URI endpoint, String body, boolean authenticated, Duration callTimeout) {
        String header = null;
        if (authenticated && username != null && !username.isEmpty()) {
            if (skew == null) {
                try {
                    systemTime();
                } catch (OnvifException e) {
                    if (e.kind() == OnvifException.Kind.UNREACHABLE) {
                        throw e;
                    }
                    skew = Duration.ZERO; // some cameras want credentials even for the time: use ours
                }
            }
            header = UsernameToken.header(username, password == null ? "" : password, nonces.get(), clock.instant().plus(skew));
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(callTimeout)
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(SoapXml.envelope(header, body), StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new OnvifException(OnvifException.Kind.UNREACHABLE, "the camera at " + endpoint.getHost() + ":" + port(endpoint) + " does not answer ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnvifException(OnvifException.Kind.UNREACHABLE, "interrupted", e);
        }
        byte[] answer = response.body();
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            if (answer.length > 0) {
                try {
                    SoapXml.body(SoapXml.parse(answer));
                } catch (OnvifException e) {
                    if (e.kind() == OnvifException.Kind.NOT_AUTHORIZED) {
                        throw e;
                    }
                }
            }
            throw OnvifException.notAuthorized();
        }
        if (answer.length == 0) {
            throw new OnvifException(OnvifException.Kind.FAULT, "the camera answered HTTP " + response.statusCode() + " without a body");
        }
        return SoapXml.body(SoapXml.parse(answer));
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    static String duration(Duration d) {
        return "PT" + d.toSeconds() + "S";
    }

    private static int num(Element parent, String name) {
        return Integer.parseInt(SoapXml.childText(parent, name));
    }

    private static Integer optionalNum(Element parent, String name) {
        String text = SoapXml.text(parent, name);
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static URI uri(String text) {
        if (text == null || text.isBlank()) {
            throw new OnvifException(OnvifException.Kind.FAULT, "the camera gave no address");
        }
        try {
            return URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new OnvifException(OnvifException.Kind.FAULT, "the camera gave a bad address: " + text, e);
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (RuntimeException e) {
            throw new OnvifException(OnvifException.Kind.FAULT, "bad time from the camera: " + text, e);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
