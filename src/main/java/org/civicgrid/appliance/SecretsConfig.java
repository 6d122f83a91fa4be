package org.civicgrid.appliance;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** 密钥配置 — where the key for device secrets comes from. */
@ConfigMapping(prefix = "civicgrid.secrets")
public interface SecretsConfig {

    /** Base64 of 32 bytes; when absent the key is derived from the site secret ({@code site.key}) in the data directory. */
    Optional<String> key();
}
