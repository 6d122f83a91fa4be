package org.civicgrid.camera;

import java.time.Instant;

/**
 * 事件订阅状态 — how a camera's event subscription stands: subscribing, subscribed (with the last event received) or
 * failing (with why, since when, and the last success). Held in memory by {@link CameraEventPump}; shown on the
 * camera page and in {@code /api/cameras/{id}}.
 */
public record EventLink(State state, String problem, Instant since, Instant lastPullAt, Instant lastEventAt) {

    /** Where the subscription stands. */
    public enum State {
        /** The worker started and has not subscribed yet. */
        STARTING,
        /** Subscribed and long-polling. */
        SUBSCRIBED,
        /** The last attempt failed; retried with back-off. */
        FAILING
    }

    static EventLink starting(Instant now) {
        return new EventLink(State.STARTING, null, now, null, null);
    }

    /** After a successful pull that brought {@code events} events. */
    EventLink pulled(Instant now, int events) {
        return new EventLink(State.SUBSCRIBED, null, state == State.SUBSCRIBED ? since : now, now, events > 0 ? now : lastEventAt);
    }

    /** After a failure. */
    EventLink failed(Instant now, String why) {
        return new EventLink(State.FAILING, why, state == State.FAILING ? since : now, lastPullAt, lastEventAt);
    }
}
