package org.civicgrid.camera.onvif;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.civicgrid.camera.onvif.OnvifDevice.Notification;
import org.civicgrid.camera.onvif.OnvifDevice.Pulled;
import org.civicgrid.camera.onvif.OnvifDevice.Subscription;

/**
 * 事件订阅 — one camera's PullPoint subscription over its life: created on the first pull, renewed before it
 * expires (while a long-poll still fits), created anew when it has expired or a pull failed, unsubscribed on close so
 * the camera's few subscription slots are freed. Times from the camera are turned into our clock by their
 * difference to the camera's CurrentTime, so clock skew does not matter.
 */
public final class PullPointSession implements AutoCloseable {

    private static final Duration MARGIN = Duration.ofSeconds(10);

    private final OnvifDevice device;
    private final Clock clock;
    private final Duration termination;
    private final Duration pullTimeout;
    private final int messageLimit;
    private URI address;
    private Instant expiresAt;
    private int subscriptions;
    private int renewals;

    public PullPointSession(OnvifDevice device, Clock clock, Duration termination, Duration pullTimeout, int messageLimit) {
        if (termination.compareTo(pullTimeout.plus(MARGIN).multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("the subscription must live at least twice the pull timeout plus 10 s");
        }
        this.device = device;
        this.clock = clock;
        this.termination = termination;
        this.pullTimeout = pullTimeout;
        this.messageLimit = messageLimit;
    }

    /**
     * One long-poll: subscribes or renews as needed, then PullMessages. A failure drops the subscription; an
     * interruption (we are stopping) keeps it, so {@link #close()} still unsubscribes.
     */
    public synchronized List<Notification> pull() {
        Instant now = clock.instant();
        if (address == null || !now.isBefore(expiresAt)) {
            subscribe();
        } else if (!now.isBefore(renewAt())) {
            renew();
        }
        try {
            Pulled pulled = device.pullMessages(address, pullTimeout, messageLimit);
            expiresAt = local(pulled.currentTime(), pulled.terminationTime(), expiresAt);
            return pulled.messages();
        } catch (OnvifException e) {
            if (!e.interrupted()) {
                drop(e);
            }
            throw e;
        }
    }

    private void subscribe() {
        if (address != null) {
            drop(null);
        }
        Subscription s = device.createPullPoint(termination);
        address = s.address();
        expiresAt = local(s.currentTime(), s.terminationTime(), clock.instant().plus(termination));
        subscriptions++;
    }

    private void renew() {
        try {
            Subscription s = device.renew(address, termination);
            expiresAt = local(s.currentTime(), s.terminationTime(), clock.instant().plus(termination));
            renewals++;
        } catch (OnvifException e) {
            if (e.kind() != OnvifException.Kind.FAULT) {
                throw e;
            }
            subscribe(); // the camera forgot the subscription (reboot): start again
        }
    }

    private Instant renewAt() {
        return expiresAt.minus(pullTimeout).minus(MARGIN);
    }

    /** Our instant for a camera time, measured from the camera's CurrentTime in the same answer. */
    private Instant local(Instant cameraNow, Instant cameraTermination, Instant fallback) {
        if (cameraNow == null || cameraTermination == null) {
            return fallback;
        }
        return clock.instant().plus(Duration.between(cameraNow, cameraTermination));
    }

    private void drop(OnvifException cause) {
        URI old = address;
        address = null;
        expiresAt = null;
        if (old != null && (cause == null || cause.kind() == OnvifException.Kind.FAULT)) {
            try {
                device.unsubscribe(old);
            } catch (OnvifException ignored) {
                // the camera drops it at its termination time anyway
            }
        }
    }

    /** Unsubscribes (best effort). */
    @Override
    public synchronized void close() {
        if (address != null) {
            drop(null);
        }
    }

    public synchronized boolean subscribed() {
        return address != null;
    }

    public synchronized Instant expiresAt() {
        return expiresAt;
    }

    public synchronized int subscriptions() {
        return subscriptions;
    }

    public synchronized int renewals() {
        return renewals;
    }
}
