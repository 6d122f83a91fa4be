package org.civicgrid.org;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** 组织配置 — rules for staff accounts. */
@ConfigMapping(prefix = "civicgrid.staff")
public interface OrgConfig {

    /** Shortest password accepted when an admin sets one or a user changes theirs. */
    @WithDefault("8")
    int minPasswordLength();
}
