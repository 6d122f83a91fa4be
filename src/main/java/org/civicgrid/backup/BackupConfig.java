package org.civicgrid.backup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** 备份配置 — when and where the appliance backs itself up, and how many backups it keeps. */
@ConfigMapping(prefix = "civicgrid.backup")
public interface BackupConfig {

    /** Run the nightly backup. */
    @WithDefault("true")
    boolean enabled();

    /** When (Quartz cron, site time zone of the box): 02:30 every night. */
    @WithDefault("0 30 2 * * ?")
    String cron();

    /** Where backups go; default {@code <data-dir>/backups}. */
    Optional<String> dir();

    /** A mounted path (USB disk, NAS) that receives a copy of each backup; none by default. */
    Optional<String> copyTo();

    /** Newest backup of each of the last N days kept. */
    @WithDefault("7")
    int keepDaily();

    /** Newest backup of each of the last N weeks kept. */
    @WithDefault("4")
    int keepWeekly();

    /** Newest backup of each of the last N months kept. */
    @WithDefault("12")
    int keepMonthly();
}
