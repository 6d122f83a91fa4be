package org.civicgrid.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 登录限速 — counts failed sign-ins per username and per client address in a sliding window and locks a key
 * that reached its limit until its oldest counted failure leaves the window. Kept in memory: a restart forgets,
 * which is acceptable for guessing attacks on a small appliance.
 */
public class LoginThrottle {

    private final Clock clock;
    private final Duration window;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Duration window, int maxPerUser, int maxPerAddress) {
        this.clock = clock;
        this.window = window;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
    }

    /** True while the username or the address is locked. */
    public boolean isLocked(String username, String address) {
        return count(userKey(username)) >= maxPerUser || (address != null && count(addressKey(address)) >= maxPerAddress);
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        add(userKey(username), now);
        if (address != null) {
            add(addressKey(address), now);
        }
    }

    /** A successful sign-in clears the username's failures (the address keeps its count). */
    public void recordSuccess(String username) {
        failures.remove(userKey(username));
    }

    private void add(String key, Instant at) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> deque = times == null ? new ArrayDeque<>() : times;
            prune(deque);
            deque.addLast(at);
            return deque;
        });
    }

    private int count(String key) {
        Deque<Instant> times = failures.computeIfPresent(key, (k, deque) -> {
            prune(deque);
            return deque.isEmpty() ? null : deque;
        });
        return times == null ? 0 : times.size();
    }

    private void prune(Deque<Instant> deque) {
        Instant horizon = clock.instant().minus(window);
        while (!deque.isEmpty() && !deque.peekFirst().isAfter(horizon)) {
            deque.removeFirst();
        }
    }

    private static String userKey(String username) {
        return "u:" + username;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
