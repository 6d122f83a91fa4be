package org.civicgrid.camera.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.civicgrid.camera.onvif.OnvifException.Kind;
import org.civicgrid.testsupport.MisbehavingServer;
import org.civicgrid.testsupport.MisbehavingServer.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every call to a device ends: SOAP, snapshot and PullMessages against a device that sends headers and one byte and
 * then falls silent end at their total deadline; garbage and web pages are faults (not ONVIF), a refused connection
 * is unreachable. The one-minute guard only stops a hanging test; it is no measure of the deadline.
 */
class DeviceDeadlineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final Duration HANG_GUARD = Duration.ofMinutes(1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(DEADLINE).build();

    private HttpOnvifDevice device(String address) {
        return HttpOnvifDevice.connect(URI.create(address), "admin", "admin", http, Clock.systemUTC(), DEADLINE);
    }

    private static OnvifException fails(Kind kind, Executable call) {
        OnvifException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(OnvifException.class, call));
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void aDeviceSilentAfterItsHeadersCostsTheDeadlineNotTheWorker() {
        try (MisbehavingServer silent = new MisbehavingServer(Mode.SILENT_AFTER_HEADERS)) {
            OnvifException soap = fails(Kind.UNREACHABLE, () -> device(silent.deviceService()).deviceInformation());
            assertTrue(soap.getMessage().contains("did not finish answering"), soap.getMessage());
            fails(Kind.UNREACHABLE, () -> device(silent.deviceService()).pullMessages(URI.create(silent.base() + "/event_service/0"), DEADLINE, 10));
            OnvifException snapshot = fails(Kind.UNREACHABLE, () -> new SnapshotFetch(http, DEADLINE).fetch(URI.create(silent.base() + "/snapshot"), "admin", "admin"));
            assertTrue(snapshot.getMessage().contains("did not finish answering"), snapshot.getMessage());
            fails(Kind.UNREACHABLE, () -> device(silent.deviceService()).unsubscribe(URI.create(silent.base() + "/event_service/0")));
            assertTrue(silent.requests() >= 4);
        }
    }

    @Test
    void garbageAndWebPagesAreFaultsNotCameras() {
        try (MisbehavingServer garbage = new MisbehavingServer(Mode.GARBAGE); MisbehavingServer web = new MisbehavingServer(Mode.WEB_PAGE)) {
            fails(Kind.FAULT, () -> device(garbage.deviceService()).deviceInformation());
            fails(Kind.FAULT, () -> device(web.deviceService()).deviceInformation());
            fails(Kind.FAULT, () -> new SnapshotFetch(http, DEADLINE).fetch(URI.create(web.base() + "/snapshot"), "admin", "admin"));
        }
    }

    @Test
    void aPortThatIsNotHttpOrRefusesIsUnreachable() {
        try (MisbehavingServer notHttp = new MisbehavingServer(Mode.NOT_HTTP)) {
            fails(Kind.UNREACHABLE, () -> device(notHttp.deviceService()).deviceInformation());
        }
        fails(Kind.UNREACHABLE, () -> device(MisbehavingServer.refusingAddress()).deviceInformation());
    }
}
