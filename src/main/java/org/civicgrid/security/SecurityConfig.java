package org.civicgrid.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** 登录安全配置 — throttling of sign-in attempts and caching of verified script credentials. */
@ConfigMapping(prefix = "civicgrid.security")
public interface SecurityConfig {

    /**
     * Failed attempts on one username (from one address, or from untrusted addresses together) within the window after
     * which each further attempt waits a growing delay.
     */
    @WithDefault("5")
    int maxFailuresPerUser();

    /** Failed attempts from one client address within the window after which its untrusted sign-ins wait a growing delay. */
    @WithDefault("20")
    int maxFailuresPerAddress();

    /** How long failures are remembered, and the longest delay. */
    @WithDefault("PT15M")
    Duration failureWindow();

    /** The wait after the failure that reached a limit; it doubles with each further failure. */
    @WithDefault("PT30S")
    Duration firstDelay();

    /** How long a script's verified HTTP Basic credentials are remembered to spare a bcrypt check per request. */
    @WithDefault("PT5M")
    Duration verifiedCredentialTtl();

    /**
     * Marks the CSRF cookie {@code Secure} even when the request reached the box over plain HTTP, as behind a
     * TLS-terminating reverse proxy (set {@code quarkus.http.proxy.proxy-address-forwarding=true} there too, so the
     * session cookie is marked as well).
     */
    @WithDefault("false")
    boolean secureCookies();
}
