package org.civicgrid.camera.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicgrid.camera.onvif.OnvifDevice.Notification;
import org.civicgrid.testsupport.OnvifResponder;
import org.civicgrid.testsupport.OnvifResponder.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A PullPoint subscription's life on an injected clock: create, pull, renew before expiry, expire, fail, resubscribe, close. */
class PullPointSessionTest {

    private final TestClock clock = new TestClock("2026-11-22T01:26:17Z");
    private final OnvifResponder camera = new OnvifResponder(clock);

    @AfterEach
    void stop() {
        camera.close();
    }

    @Test
    void subscribesPullsRenewsResubscribesAndUnsubscribes() {
        HttpOnvifDevice device = HttpOnvifDevice.connect(URI.create(camera.deviceService()), OnvifResponder.USER, OnvifResponder.PASSWORD,
                HttpClient.newHttpClient(), clock, Duration.ofSeconds(5));
        PullPointSession session = new PullPointSession(device, clock, Duration.ofSeconds(60), Duration.ofSeconds(5), 10);
        Instant start = clock.instant();

        List<Notification> first = session.pull();
        assertEquals(1, session.subscriptions());
        assertEquals("PT60S", camera.received("CreatePullPointSubscription").get(0).text("InitialTerminationTime"));
        Received pull = camera.received("PullMessages").get(0);
        assertEquals("/event_service/0", pull.path(), "pulls go to the subscription's address");
        assertEquals("PT5S", pull.text("Timeout"));
        assertEquals("10", pull.text("MessageLimit"));
        assertEquals(2, first.size());
        Notification relay = first.get(0);
        assertEquals("tns1:Device/Trigger/Relay", relay.topic());
        assertEquals(Instant.parse("2026-11-22T01:26:17Z"), relay.utcTime());
        assertEquals(Map.of("RelayToken", "RelayOutputToken_1"), relay.source());
        assertEquals(Map.of("LogicalState", "active"), relay.data());
        assertTrue(relay.initialState());
        assertEquals("tns1:Device/Trigger/DigitalInput", first.get(1).topic());
        assertEquals(start.plusSeconds(60), session.expiresAt());

        clock.advance(Duration.ofSeconds(30)); // 30 s left: a 5 s pull still fits, no renewal
        session.pull();
        assertEquals(0, session.renewals());
        assertTrue(camera.received("Renew").isEmpty());

        clock.advance(Duration.ofSeconds(20)); // 10 s left: renew before pulling
        session.pull();
        assertEquals(1, session.renewals());
        assertEquals(1, session.subscriptions());
        Received renew = camera.received("Renew").get(0);
        assertEquals("/event_service/0", renew.path());
        assertEquals("PT60S", renew.text("TerminationTime"));
        assertEquals(start.plusSeconds(110), session.expiresAt());

        clock.advance(Duration.ofSeconds(300)); // the box slept past the termination time: a fresh subscription
        session.pull();
        assertEquals(2, session.subscriptions());
        assertEquals("/event_service/1", camera.received("PullMessages").get(3).path());

        camera.failNextPull();
        clock.advance(Duration.ofSeconds(1));
        OnvifException failed = assertThrows(OnvifException.class, session::pull);
        assertEquals(OnvifException.Kind.FAULT, failed.kind());
        assertFalse(session.subscribed(), "a failed pull drops the subscription");
        List<Received> freed = camera.received("Unsubscribe");
        assertEquals("/event_service/1", freed.get(freed.size() - 1).path(), "and frees the camera's slot");
        session.pull();
        assertEquals(3, session.subscriptions());

        session.close();
        assertFalse(session.subscribed());
        List<Received> unsubscribed = camera.received("Unsubscribe");
        assertEquals("/event_service/2", unsubscribed.get(unsubscribed.size() - 1).path());
    }

    @Test
    void anInterruptedPullKeepsTheSubscriptionSoClosingStillFreesIt() {
        HttpOnvifDevice device = HttpOnvifDevice.connect(URI.create(camera.deviceService()), OnvifResponder.USER, OnvifResponder.PASSWORD,
                HttpClient.newHttpClient(), clock, Duration.ofSeconds(5));
        PullPointSession session = new PullPointSession(device, clock, Duration.ofSeconds(60), Duration.ofSeconds(5), 10);
        session.pull();

        Thread.currentThread().interrupt(); // what the pump does to a worker it stops, mid long-poll
        OnvifException cut = assertThrows(OnvifException.class, session::pull);
        assertTrue(Thread.interrupted());
        assertTrue(cut.interrupted(), cut.getMessage());
        assertTrue(session.subscribed(), "our own stop is no reason to forget the camera's subscription");

        session.close();
        assertFalse(session.subscribed());
        assertEquals(List.of("/event_service/0"), camera.received("Unsubscribe").stream().map(Received::path).toList());
    }

    @Test
    void aSubscriptionMustOutliveTwoLongPolls() {
        assertThrows(IllegalArgumentException.class, () -> new PullPointSession(null, clock, Duration.ofSeconds(20), Duration.ofSeconds(5), 10));
    }
}
