package org.civicgrid.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 登录限速 — slows password guessing without letting a guesser lock a real user out. Failures are counted in a
 * sliding window per username and address together, per username, and per address; past a key's limit each further
 * attempt must wait a growing delay (the first delay, doubling per failure, at most the window) after the last failure.
 * A username and address pair that signed in successfully is trusted: only its own pair count can slow it, so
 * failures with invented names from a shared office address (NAT), or guesses at a name from elsewhere, never stop the
 * person at their usual desk. Kept in memory: a restart forgets, acceptable for guessing attacks on a small appliance.
 */
public class LoginThrottle {

    private static final int MAX_TRUSTED = 50_000;

    private final Clock clock;
    private final Duration window;
    private final Duration firstDelay;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> trusted = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Duration window, Duration firstDelay, int maxPerUser, int maxPerAddress) {
        this.clock = clock;
        this.window = window;
        this.firstDelay = firstDelay;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
    }

    /** True while an attempt for this username from this address must wait. */
    public boolean isLocked(String username, String address) {
        if (waiting(pairKey(username, address), maxPerUser)) {
            return true;
        }
        if (isTrusted(username, address)) {
            return false;
        }
        return waiting(userKey(username), maxPerUser) || (address != null && waiting(addressKey(address), maxPerAddress));
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        add(pairKey(username, address), now);
        add(userKey(username), now);
        if (address != null) {
            add(addressKey(address), now);
        }
    }

    /** A successful sign-in clears the pair's and the username's failures and trusts the pair (the address keeps its count). */
    public void recordSuccess(String username, String address) {
        failures.remove(pairKey(username, address));
        failures.remove(userKey(username));
        if (trusted.size() >= MAX_TRUSTED) {
            trusted.clear();
        }
        trusted.put(pairKey(username, address), clock.instant());
    }

    private boolean isTrusted(String username, String address) {
        Instant since = trusted.get(pairKey(username, address));
        return since != null && since.plus(Duration.ofDays(30)).isAfter(clock.instant());
    }

    /** Past the limit, the last failure plus firstDelay·2^(failures − limit), capped at the window, is not yet reached. */
    private boolean waiting(String key, int limit) {
        Deque<Instant> times = failures.computeIfPresent(key, (k, deque) -> {
            prune(deque);
            return deque.isEmpty() ? null : deque;
        });
        if (times == null || times.size() < limit) {
            return false;
        }
        int over = Math.min(times.size() - limit, 20);
        Duration delay = firstDelay.multipliedBy(1L << over);
        if (delay.compareTo(window) > 0) {
            delay = window;
        }
        Instant last = times.peekLast();
        return last != null && clock.instant().isBefore(last.plus(delay));
    }

    private void add(String key, Instant at) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> deque = times == null ? new ArrayDeque<>() : times;
            prune(deque);
            deque.addLast(at);
            return deque;
        });
    }

    private void prune(Deque<Instant> deque) {
        Instant horizon = clock.instant().minus(window);
        while (!deque.isEmpty() && !deque.peekFirst().isAfter(horizon)) {
            deque.removeFirst();
        }
    }

    private static String pairKey(String username, String address) {
        return "p:" + username + "@" + address;
    }

    private static String userKey(String username) {
        return "u:" + username;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
