package org.civicgrid.appliance;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * 数据目录配置 — runs while configuration is assembled, before the datasource opens: makes sure
 * {@code civicgrid.data-dir} exists (SQLite does not create directories) and supplies the session-cookie key from
 * the site secret kept there. An explicitly configured key (property or environment) still wins: this source has
 * a low ordinal.
 */
public class DataDirectoryConfigSourceFactory implements ConfigSourceFactory {

    static final String DATA_DIR = "civicgrid.data-dir";
    static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue(DATA_DIR);
        String dir = configured == null || configured.getValue() == null ? "./data" : configured.getValue();
        DataDirectory directory = new DataDirectory(Path.of(dir)).ensureExists();
        return List.of(new PropertiesConfigSource(Map.of(SESSION_KEY, directory.siteSecret()), "civicgrid-site-secret", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
