package org.civicgrid.appliance;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.Priority;
import java.nio.file.Path;

/**
 * 数据目录配置 — hooks the data directory into configuration, seeing every source (system properties, environment,
 * a site's {@code device-config} file, defaults): before the datasource reads its JDBC URL the directory is
 * created (SQLite does not create directories), and when no session-cookie key is configured the site secret
 * kept in the directory supplies it, so sessions survive restarts.
 */
@Priority(io.smallrye.config.Priorities.APPLICATION)
public class DataDirectoryConfig implements ConfigSourceInterceptor {

    static final String DATA_DIR = "civicgrid.data-dir";
    static final String DEFAULT_DATA_DIR = "./data";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (JDBC_URL.equals(name)) {
            directory(context);
        } else if (SESSION_KEY.equals(name) && (value == null || value.getValue() == null)) {
            return ConfigValue.builder().withName(name).withValue(directory(context).siteSecret())
                    .withConfigSourceName("civicgrid-site-secret").build();
        }
        return value;
    }

    private static DataDirectory directory(ConfigSourceInterceptorContext context) {
        ConfigValue configured = context.proceed(DATA_DIR);
        String dir = configured == null || configured.getValue() == null ? DEFAULT_DATA_DIR : configured.getValue();
        return new DataDirectory(Path.of(dir)).ensureExists();
    }
}
