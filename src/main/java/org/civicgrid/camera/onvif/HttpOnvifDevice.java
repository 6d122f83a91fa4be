package org.civicgrid.camera.onvif;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.w3c.dom.Element;

/**
 * ONVIF over HTTP — SOAP 1.2 with a WS-UsernameToken digest on every call except GetSystemDateAndTime, which comes
 * first to learn the camera's clock skew. Not thread-safe per instance beyond the skew (a volatile); make one per use.
 * This class knows which request goes to which service; {@link SoapChannel} sends it and {@link OnvifReplies}
 * reads the answer.
 */
public final class HttpOnvifDevice implements OnvifDevice {

    static final String EVENTS_NS = "http://www.onvif.org/ver10/events/wsdl";
    static final String WSNT_NS = "http://docs.oasis-open.org/wsn/b-2";
    static final String MEDIA2_NS = "http://www.onvif.org/ver20/media/wsdl";
    static final String PTZ_NS = "http://www.onvif.org/ver20/ptz/wsdl";
    static final String RECORDING_NS = "http://www.onvif.org/ver10/recording/wsdl";
    static final String REPLAY_NS = "http://www.onvif.org/ver10/replay/wsdl";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI deviceService;
    private final SoapChannel soap;
    private volatile Services services;

    HttpOnvifDevice(URI deviceService, String username, String password, HttpClient http, Clock clock, Supplier<byte[]> nonces, Duration timeout) {
        this.deviceService = deviceService;
        this.soap = new SoapChannel(deviceService, username, password, http, clock, nonces, timeout);
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
        return soap.skew();
    }

    @Override
    public Instant systemTime() {
        return soap.systemTime();
    }

    @Override
    public Info deviceInformation() {
        return OnvifReplies.deviceInformation(soap.call(deviceService, "<tds:GetDeviceInformation/>", true));
    }

    @Override
    public Services services() {
        Services known = services;
        if (known != null) {
            return known;
        }
        try {
            Element r = soap.call(deviceService, "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>", true);
            known = OnvifReplies.services(r, deviceService);
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
        Element r = soap.call(deviceService, "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>", true);
        return OnvifReplies.capabilities(r, deviceService);
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
        return OnvifReplies.profiles(soap.call(media(s), "<trt:GetProfiles/>", true));
    }

    private List<Profile> media2Profiles(URI media2) {
        Element r = soap.call(media2, "<tr2:GetProfiles xmlns:tr2=\"" + MEDIA2_NS + "\"><tr2:Type>All</tr2:Type></tr2:GetProfiles>", true);
        return OnvifReplies.media2Profiles(r);
    }

    @Override
    public URI streamUri(Profile profile) {
        String token = SoapXml.escape(profile.token());
        Element r = profile.media2()
                ? soap.call(services().media2(), "<tr2:GetStreamUri xmlns:tr2=\"" + MEDIA2_NS + "\"><tr2:Protocol>RTSP</tr2:Protocol><tr2:ProfileToken>" + token
                        + "</tr2:ProfileToken></tr2:GetStreamUri>", true)
                : soap.call(media(services()), "<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol>"
                        + "</tt:Transport></trt:StreamSetup><trt:ProfileToken>" + token + "</trt:ProfileToken></trt:GetStreamUri>", true);
        return OnvifReplies.mediaUri(r);
    }

    @Override
    public URI snapshotUri(Profile profile) {
        String token = SoapXml.escape(profile.token());
        Element r = profile.media2()
                ? soap.call(services().media2(), "<tr2:GetSnapshotUri xmlns:tr2=\"" + MEDIA2_NS + "\"><tr2:ProfileToken>" + token
                        + "</tr2:ProfileToken></tr2:GetSnapshotUri>", true)
                : soap.call(media(services()), "<trt:GetSnapshotUri><trt:ProfileToken>" + token + "</trt:ProfileToken></trt:GetSnapshotUri>", true);
        return OnvifReplies.mediaUri(r);
    }

    @Override
    public List<Preset> presets(String profileToken) {
        Element r = soap.call(ptz(), "<tptz:GetPresets xmlns:tptz=\"" + PTZ_NS + "\"><tptz:ProfileToken>" + SoapXml.escape(profileToken)
                + "</tptz:ProfileToken></tptz:GetPresets>", true);
        return OnvifReplies.presets(r);
    }

    @Override
    public void gotoPreset(String profileToken, String presetToken) {
        soap.call(ptz(), "<tptz:GotoPreset xmlns:tptz=\"" + PTZ_NS + "\"><tptz:ProfileToken>" + SoapXml.escape(profileToken) + "</tptz:ProfileToken>"
                + "<tptz:PresetToken>" + SoapXml.escape(presetToken) + "</tptz:PresetToken></tptz:GotoPreset>", true);
    }

    @Override
    public Subscription createPullPoint(Duration initialTermination) {
        URI events = Optional.ofNullable(services().events()).orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "the camera has no event service"));
        Element r = soap.call(events, "<tev:CreatePullPointSubscription xmlns:tev=\"" + EVENTS_NS + "\"><tev:InitialTerminationTime>"
                + duration(initialTermination) + "</tev:InitialTerminationTime></tev:CreatePullPointSubscription>", true);
        return OnvifReplies.subscription(r);
    }

    @Override
    public Pulled pullMessages(URI subscription, Duration pullTimeout, int messageLimit) {
        Element r = soap.call(subscription, "<tev:PullMessages xmlns:tev=\"" + EVENTS_NS + "\"><tev:Timeout>" + duration(pullTimeout)
                + "</tev:Timeout><tev:MessageLimit>" + messageLimit + "</tev:MessageLimit></tev:PullMessages>", true, soap.timeout().plus(pullTimeout));
        return OnvifReplies.pulled(r);
    }

    @Override
    public Subscription renew(URI subscription, Duration termination) {
        Element r = soap.call(subscription, "<wsnt:Renew xmlns:wsnt=\"" + WSNT_NS + "\"><wsnt:TerminationTime>" + duration(termination)
                + "</wsnt:TerminationTime></wsnt:Renew>", true);
        return OnvifReplies.renewed(subscription, r);
    }

    @Override
    public void unsubscribe(URI subscription) {
        soap.call(subscription, "<wsnt:Unsubscribe xmlns:wsnt=\"" + WSNT_NS + "\"/>", true);
    }

    @Override
    public List<Recording> recordings() {
        URI recording = Optional.ofNullable(services().recording())
                .orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "the camera has no recording service"));
        return OnvifReplies.recordings(soap.call(recording, "<trc:GetRecordings xmlns:trc=\"" + RECORDING_NS + "\"/>", true));
    }

    @Override
    public URI replayUri(String recordingToken) {
        URI replay = Optional.ofNullable(services().replay())
                .orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "the camera has no replay service"));
        Element r = soap.call(replay, "<trp:GetReplayUri xmlns:trp=\"" + REPLAY_NS + "\"><trp:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream>"
                + "<tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trp:StreamSetup><trp:RecordingToken>" + SoapXml.escape(recordingToken)
                + "</trp:RecordingToken></trp:GetReplayUri>", true);
        return OnvifReplies.mediaUri(r);
    }

    private URI media(Services s) {
        return Optional.ofNullable(s.media()).orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "the camera has no media service"));
    }

    private URI ptz() {
        return Optional.ofNullable(services().ptz()).orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "the camera has no PTZ service"));
    }

    static String duration(Duration d) {
        return "PT" + d.toSeconds() + "S";
    }
}
