package org.civicgrid.backup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.backup.BackupStore.Backup;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 在线备份 — the appliance's own backups: every night (civicgrid.backup.cron) while it keeps working, then the
 * retention, then the optional copy to a mounted path. The admin page and the CLI read the same directory.
 */
@ApplicationScoped
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class);

    private final AgroalDataSource dataSource;
    private final ApplianceConfig appliance;
    private final BackupConfig config;
    private final Clock clock;
    private final Optional<String> settingsLocations;

    Backups(AgroalDataSource dataSource, ApplianceConfig appliance, BackupConfig config, Clock clock,
            @ConfigProperty(name = "quarkus.config.locations") Optional<String> settingsLocations) {
        this.dataSource = dataSource;
        this.appliance = appliance;
        this.config = config;
        this.clock = clock;
        this.settingsLocations = settingsLocations;
    }

    @Scheduled(cron = "{civicgrid.backup.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        if (!config.enabled()) {
            return;
        }
        try {
            run();
        } catch (IOException | SQLException e) {
            LOG.errorf("nightly backup failed: %s", e.toString());
        }
    }

    /** Takes a backup now, prunes old ones and copies the new one to civicgrid.backup.copy-to if set. */
    public synchronized Backup run() throws IOException, SQLException {
        Backup backup;
        try (Connection c = dataSource.getConnection()) {
            backup = store().backup(c, settingsFiles(), LocalDateTime.now(clock).withNano(0));
        }
        List<Backup> deleted = store().prune(config.keepDaily(), config.keepWeekly(), config.keepMonthly());
        if (config.copyTo().isPresent()) {
            Path target = Path.of(config.copyTo().get());
            BackupStore.deleteTree(target.resolve(backup.name()));
            BackupStore.copyTree(backup.dir(), target.resolve(backup.name()));
            new BackupStore(null, target).prune(config.keepDaily(), config.keepWeekly(), config.keepMonthly());
        }
        LOG.infof("backup %s written (%d bytes), %d old backups removed", backup.name(), backup.bytes(), deleted.size());
        return backup;
    }

    /** Every backup, newest first. */
    public List<Backup> list() throws IOException {
        return store().list();
    }

    public Path directory() {
        return config.dir().map(Path::of).orElse(Path.of(appliance.dataDir()).resolve("backups"));
    }

    private BackupStore store() {
        return new BackupStore(Path.of(appliance.dataDir()), directory());
    }

    private List<Path> settingsFiles() {
        return settingsLocations.stream().flatMap(l -> Arrays.stream(l.split(","))).map(String::trim).filter(l -> !l.isEmpty())
                .map(l -> l.startsWith("file:") ? l.substring(5) : l).map(Path::of).toList();
    }
}
