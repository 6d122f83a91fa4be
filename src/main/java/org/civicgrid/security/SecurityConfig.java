package org.civicgrid.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** 登录安全配置 — throttling of sign-in attempts and caching of verified script credentials. */
@ConfigMapping(prefix = "civicgrid.security")
public interface SecurityConfig {

    /** Failed attempts on one username, within the window, after which that username is locked. */
    @WithDefault("5")
    int maxFailuresPerUser();

    /** Failed attempts from one client address, within the window, after which that address is locked. */
    @WithDefault("20")
    int maxFailuresPerAddress();

    /** How long failures are remembered; a lock lifts when its oldest counted failure leaves the window. */
    @WithDefault("PT15M")
    Duration failureWindow();

    /** How long a script's verified HTTP Basic credentials are remembered to spare a bcrypt check per request. */
    @WithDefault("PT5M")
    Duration verifiedCredentialTtl();
}
