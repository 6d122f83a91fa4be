package org.civicgrid.camera.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.civicgrid.camera.onvif.OnvifDevice.Recording;
import org.civicgrid.testsupport.OnvifResponder;
import org.civicgrid.testsupport.OnvifResponder.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 录像回放 (ONVIF Profile G) on the replayed device: its recording and replay services from GetServices (or
 * GetCapabilities' extension), GetRecordings and GetReplayUri as the Recording and Replay specs write them; a camera
 * without Profile G is known as such before any recording call.
 */
class ProfileGTest {

    private final TestClock clock = new TestClock("2026-11-22T01:19:10Z");
    private final OnvifResponder camera = new OnvifResponder(clock);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stop() {
        camera.close();
    }

    private HttpOnvifDevice device() {
        return HttpOnvifDevice.connect(URI.create(camera.deviceService()), OnvifResponder.USER, OnvifResponder.PASSWORD, http, clock, Duration.ofSeconds(5));
    }

    @Test
    void listsRecordingsAndAsksForTheReplayUriOfOne() {
        HttpOnvifDevice device = device();
        OnvifDevice.Services services = device.services();
        assertTrue(services.records());
        assertEquals(URI.create(camera.base() + "/onvif/recording_service"), services.recording());
        assertEquals(URI.create(camera.base() + "/onvif/replay_service"), services.replay());

        List<Recording> recordings = device.recordings();
        assertEquals(List.of(new Recording("RecordMetadata_1", camera.base() + "/onvif/device_service", "IPCamera", List.of("Metadata")),
                new Recording("RecordingToken_1", camera.base() + "/onvif/device_service", "IPCamera", List.of("Video", "Audio"))), recordings);
        assertFalse(recordings.get(0).hasVideo());
        assertTrue(recordings.get(1).hasVideo());
        assertEquals("/onvif/recording_service", camera.received("GetRecordings").get(0).path());

        assertEquals(URI.create("rtsp://127.0.0.1:554/RecordingToken_1"), device.replayUri("RecordingToken_1"));
        Received asked = camera.received("GetReplayUri").get(0);
        assertEquals("/onvif/replay_service", asked.path());
        assertEquals("RecordingToken_1", asked.text("RecordingToken"));
        assertEquals("RTP-Unicast", asked.text("Stream"));
        assertEquals("RTSP", asked.text("Protocol"));
        assertEquals("http://www.onvif.org/ver10/replay/wsdl", asked.envelope().getElementsByTagNameNS("*", "GetReplayUri").item(0).getNamespaceURI());

        OnvifException unknown = assertThrows(OnvifException.class, () -> device.replayUri("nope"));
        assertEquals(OnvifException.Kind.FAULT, unknown.kind());
    }

    @Test
    void anOlderCameraNamesItsRecordingServicesInTheCapabilitiesExtension() {
        camera.withoutGetServices();
        OnvifDevice.Services services = device().services();
        assertTrue(services.records());
        assertEquals(URI.create(camera.base() + "/onvif/recording_service"), services.recording());
        assertEquals(URI.create(camera.base() + "/onvif/replay_service"), services.replay());
    }

    @Test
    void aCameraWithoutProfileGIsSkippedBeforeAnyRecordingCall() {
        camera.withoutRecordings();
        HttpOnvifDevice device = device();
        OnvifDevice.Services services = device.services();
        assertFalse(services.records());
        assertNull(services.recording());
        assertNull(services.replay());
        assertEquals(URI.create(camera.base() + "/onvif/media_service"), services.media(), "the rest as before");
        OnvifException none = assertThrows(OnvifException.class, device::recordings);
        assertEquals(OnvifException.Kind.FAULT, none.kind());
        assertTrue(camera.received("GetRecordings").isEmpty(), "not asked");

        try (OnvifResponder older = new OnvifResponder(clock).withoutGetServices().withoutRecordings()) {
            OnvifDevice.Services fromCapabilities = HttpOnvifDevice.connect(URI.create(older.deviceService()), OnvifResponder.USER, OnvifResponder.PASSWORD,
                    http, clock, Duration.ofSeconds(5)).services();
            assertFalse(fromCapabilities.records());
            assertEquals(URI.create(older.base() + "/onvif/event_service"), fromCapabilities.events());
        }
    }
}
