package org.civicgrid.camera.onvif;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.w3c.dom.Element;

/**
 * SOAP 通道 — posts one SOAP 1.2 envelope to an ONVIF service and gives back the answer's body. Authenticated calls
 * carry a WS-UsernameToken digest made at the camera's time: our clock plus the skew learnt by calling
 * GetSystemDateAndTime first (unauthenticated). HTTP 401/403, silence and SOAP faults become {@link OnvifException}s.
 * Every call has a total deadline ({@link DeviceCall}): the whole answer, not just its first byte.
 */
final class SoapChannel {

    /** The largest SOAP answer read (a camera's GetProfiles is tens of KB). */
    static final int MAX_ANSWER = 2 * 1024 * 1024;

    private final URI deviceService;
    private final String username;
    private final String password;
    private final HttpClient http;
    private final Clock clock;
    private final Supplier<byte[]> nonces;
    private final Duration timeout;
    private volatile Duration skew;

    SoapChannel(URI deviceService, String username, String password, HttpClient http, Clock clock, Supplier<byte[]> nonces, Duration timeout) {
        this.deviceService = deviceService;
        this.username = username;
        this.password = password;
        this.http = http;
        this.clock = clock;
        this.nonces = nonces;
        this.timeout = timeout;
    }

    /** The time per call, without a long-poll's wait. */
    Duration timeout() {
        return timeout;
    }

    /** The camera's clock minus ours, once GetSystemDateAndTime has been called. */
    Optional<Duration> skew() {
        return Optional.ofNullable(skew);
    }

    /** GetSystemDateAndTime, unauthenticated; learns the skew. */
    Instant systemTime() {
        Element r = call(deviceService, "<tds:GetSystemDateAndTime/>", false);
        Instant cameraNow = OnvifReplies.systemTime(r);
        skew = Duration.between(clock.instant(), cameraNow);
        return cameraNow;
    }

    Element call(URI endpoint, String body, boolean authenticated) {
        return call(endpoint, body, authenticated, timeout);
    }

    Element call(URI endpoint, String body, boolean authenticated, Duration callTimeout) {
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
        HttpResponse<byte[]> response = DeviceCall.send(http, request, callTimeout, MAX_ANSWER);
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
}
