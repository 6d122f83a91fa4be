package org.civicgrid.camera.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.camera.onvif.OnvifDevice.Profile;
import org.civicgrid.testsupport.OnvifResponder;
import org.civicgrid.testsupport.OnvifResponder.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ONVIF client against the recorded real exchanges, replayed by a local responder that checks every digest. */
class HttpOnvifDeviceTest {

    /** The nonce of the recorded GetDeviceInformation request. */
    static final byte[] RECORDED_NONCE = Base64.getDecoder().decode("kS4nMw10WImo4qoPMAuARg==");

    private final TestClock clock = new TestClock("2026-11-22T01:19:10Z");
    private final OnvifResponder camera = new OnvifResponder(clock);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stop() {
        camera.close();
    }

    private HttpOnvifDevice device(String password) {
        return new HttpOnvifDevice(URI.create(camera.deviceService()), OnvifResponder.USER, password, http, clock, () -> RECORDED_NONCE.clone(),
                Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GetDeviceInformation", "GetServices", "GetCapabilities", "GetProfiles", "GetStreamUri", "GetSnapshotUri",
            "CreatePullPointSubscription", "PullMessages"})
    void theDigestFormulaReproducesEveryRecordedRequest(String fixture) {
        String request = OnvifResponder.requestBody(OnvifResponder.fixture(fixture));
        byte[] nonce = Base64.getDecoder().decode(between(request, "#Base64Binary\">", "</wsse:Nonce>"));
        String created = between(request, "<wsu:Created>", "</wsu:Created>");
        assertEquals(between(request, "#PasswordDigest\">", "</wsse:Password>"), UsernameToken.digest(nonce, created, OnvifResponder.PASSWORD));
    }

    @Test
    void asksForTheCameraTimeFirstAndSignsWithTheCameraClock() {
        OnvifDevice.Info info = device(OnvifResponder.PASSWORD).deviceInformation();
        assertEquals(new OnvifDevice.Info("Happytimesoft", "IPCamera", "2.4", "123456", "1.0"), info);
        List<Received> calls = camera.received();
        assertEquals(List.of("GetSystemDateAndTime", "GetDeviceInformation"), calls.stream().map(Received::operation).toList());
        assertNull(calls.get(0).text("Security"), "GetSystemDateAndTime goes without credentials");
        Received signed = calls.get(1);
        // our clock is 30 s behind the camera's (01:19:10 vs 01:19:40): Created is the camera's time, as recorded
        assertEquals("2026-11-22T01:19:40.000Z", signed.text("Created"));
        assertEquals("yVWBTVXUJ7vW0vko5vQW1JnbjF0=", signed.text("Password"), "the recorded digest for the recorded nonce and time");
        assertEquals("kS4nMw10WImo4qoPMAuARg==", signed.text("Nonce"));
        assertEquals("admin", signed.text("Username"));
        assertEquals("/onvif/device_service", signed.path());
    }

    @Test
    void readsServicesProfilesAndMediaUrisFromMedia1WhenMedia2IsNotImplemented() {
        HttpOnvifDevice device = device(OnvifResponder.PASSWORD);
        OnvifDevice.Services services = device.services();
        assertEquals(URI.create(camera.base() + "/onvif/media_service"), services.media());
        assertEquals(URI.create(camera.base() + "/onvif/media2_service"), services.media2());
        assertEquals(URI.create(camera.base() + "/onvif/ptz_service"), services.ptz());
        assertEquals(URI.create(camera.base() + "/onvif/event_service"), services.events());
        assertEquals("false", camera.received("GetServices").get(0).text("IncludeCapability"));

        List<Profile> profiles = device.profiles();
        assertEquals(List.of("ProfileToken_1", "ProfileToken_2"), profiles.stream().map(Profile::token).toList());
        Profile main = profiles.get(0);
        assertEquals(new Profile("ProfileToken_1", "ProfileName_1", "H264", 1280, 720, true, false), main);
        assertEquals(640, profiles.get(1).width());
        List<String> paths = camera.received("GetProfiles").stream().map(Received::path).toList();
        assertEquals(List.of("/onvif/media2_service", "/onvif/media_service"), paths, "Media2 first, Media1 after ActionNotSupported");

        assertEquals(URI.create("rtsp://127.0.0.1:554/test.mp4&t=unicast&p=rtsp&ve=H264&w=1280&h=720&ae=PCMU&sr=8000"), device.streamUri(main));
        Received stream = camera.received("GetStreamUri").get(0);
        assertEquals("RTP-Unicast", stream.text("Stream"));
        assertEquals("RTSP", stream.text("Protocol"));
        assertEquals("ProfileToken_1", stream.text("ProfileToken"));
        assertEquals(URI.create(camera.base() + "/snapshot/ProfileToken_1"), device.snapshotUri(main));
        assertEquals("ProfileToken_1", camera.received("GetSnapshotUri").get(0).text("ProfileToken"));
    }

    @Test
    void aCameraWithoutGetServicesIsReadThroughGetCapabilities() {
        camera.withoutGetServices();
        HttpOnvifDevice device = device(OnvifResponder.PASSWORD);
        OnvifDevice.Services services = device.services();
        assertEquals(URI.create(camera.base() + "/onvif/media_service"), services.media());
        assertNull(services.media2(), "GetCapabilities does not list Media2");
        assertEquals(URI.create(camera.base() + "/onvif/ptz_service"), services.ptz());
        assertEquals(URI.create(camera.base() + "/onvif/event_service"), services.events());
        assertEquals("All", camera.received("GetCapabilities").get(0).text("Category"));
        assertEquals(2, device.profiles().size());
        assertEquals(List.of("/onvif/media_service"), camera.received("GetProfiles").stream().map(Received::path).toList(), "straight to Media1");
    }

    @Test
    void prefersMedia2ProfilesForH265WhenTheCameraOffersThem() {
        camera.withMedia2(true);
        HttpOnvifDevice device = device(OnvifResponder.PASSWORD);
        Profile profile = device.profiles().get(0);
        assertEquals(new Profile("Profile_265", "MainStream", "H265", 2560, 1440, true, true), profile);
        assertEquals(URI.create("rtsp://127.0.0.1:554/h265main"), device.streamUri(profile));
        assertEquals("RTSP", camera.received("GetStreamUri").get(0).text("Protocol"));
        assertEquals("/onvif/media2_service", camera.received("GetStreamUri").get(0).path());
        assertEquals(URI.create(camera.base() + "/snapshot/Profile_265"), device.snapshotUri(profile));
    }

    @Test
    void listsAndGoesToPtzPresets() {
        HttpOnvifDevice device = device(OnvifResponder.PASSWORD);
        List<OnvifDevice.Preset> presets = device.presets("ProfileToken_1");
        assertEquals(List.of(new OnvifDevice.Preset("1", "路口东"), new OnvifDevice.Preset("2", "市场门口")), presets);
        device.gotoPreset("ProfileToken_1", "2");
        Received go = camera.received("GotoPreset").get(0);
        assertEquals("/onvif/ptz_service", go.path());
        assertEquals("2", go.text("PresetToken"));
        assertEquals("ProfileToken_1", go.text("ProfileToken"));
    }

    @Test
    void aWrongPasswordIsSaidPlainly() {
        OnvifException e = assertThrows(OnvifException.class, () -> device("not-the-password").deviceInformation());
        assertEquals(OnvifException.Kind.NOT_AUTHORIZED, e.kind());
        assertTrue(e.getMessage().contains("wrong user name or password"), e.getMessage());
        OnvifException noCredentials = assertThrows(OnvifException.class,
                () -> new HttpOnvifDevice(URI.create(camera.deviceService()), null, null, http, clock, () -> RECORDED_NONCE, Duration.ofSeconds(5))
                        .deviceInformation());
        assertEquals(OnvifException.Kind.NOT_AUTHORIZED, noCredentials.kind(), "the recorded HTTP 401 with ter:NotAuthorized");
    }

    @Test
    void aCameraThatDoesNotAnswerIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HttpOnvifDevice gone = new HttpOnvifDevice(URI.create("http://127.0.0.1:" + closedPort + "/onvif/device_service"), "admin", "admin", http, clock,
                () -> RECORDED_NONCE, Duration.ofSeconds(2));
        OnvifException e = assertThrows(OnvifException.class, gone::deviceInformation);
        assertEquals(OnvifException.Kind.UNREACHABLE, e.kind());
        assertFalse(e.getMessage().contains("admin"), "no credentials in messages");
    }

    @Test
    void addressesAsPeopleTypeThemBecomeDeviceServiceUrls() {
        assertEquals(URI.create("http://192.168.1.64/onvif/device_service"), HttpOnvifDevice.deviceServiceUrl("192.168.1.64"));
        assertEquals(URI.create("http://cam.local:8000/onvif/device_service"), HttpOnvifDevice.deviceServiceUrl("cam.local:8000"));
        assertEquals(URI.create("http://10.0.0.5:80/onvif/device_service"), HttpOnvifDevice.deviceServiceUrl("http://10.0.0.5:80/onvif/device_service"));
        assertThrows(IllegalArgumentException.class, () -> HttpOnvifDevice.deviceServiceUrl("ftp://10.0.0.5"));
        assertThrows(IllegalArgumentException.class, () -> HttpOnvifDevice.deviceServiceUrl(" "));
    }

    @Test
    void snapshotsAnswerTheCamerasDigestChallenge() {
        SnapshotFetch fetch = new SnapshotFetch(http, Duration.ofSeconds(5));
        URI uri = URI.create(camera.base() + "/snapshot/ProfileToken_1");
        assertEquals(List.of(OnvifResponder.JPEG).size(), 1);
        assertEquals(OnvifResponder.JPEG.length, fetch.fetch(uri, OnvifResponder.USER, OnvifResponder.PASSWORD).length);
        OnvifException wrong = assertThrows(OnvifException.class, () -> fetch.fetch(uri, OnvifResponder.USER, "nope"));
        assertEquals(OnvifException.Kind.NOT_AUTHORIZED, wrong.kind());
    }

    private static String between(String text, String from, String to) {
        Matcher m = Pattern.compile(Pattern.quote(from) + "(.*?)" + Pattern.quote(to)).matcher(text);
        assertTrue(m.find(), from);
        return m.group(1);
    }
}
