package org.civicgrid.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;

/** SQLite stores as an older release left them, for the upgrade and migration tests. */
public final class UpgradeStores {

    private UpgradeStores() {
    }

    /** The edge's migrations (db/migration and db/sqlite) on {@code url}, up to {@code target} (all when null). */
    public static Flyway flyway(String url, String target) {
        var config = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration", "classpath:db/sqlite")
                .placeholders(Map.of("auto_id", "INTEGER PRIMARY KEY AUTOINCREMENT"));
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    /** The cases, history and 督办单 of a v16 store ({@code upgrade/cases-v16.sql}), statement by statement. */
    public static void loadCasesV16(Statement s) throws SQLException {
        String fixture;
        try (InputStream in = UpgradeStores.class.getResourceAsStream("/upgrade/cases-v16.sql")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String statement : fixture.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                s.execute(statement);
            }
        }
    }
}
