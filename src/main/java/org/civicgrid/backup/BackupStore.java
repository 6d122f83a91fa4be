package org.civicgrid.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 备份库 — the backups of one data directory: each is a directory {@code civicgrid-yyyyMMdd-HHmmss/} with the store
 * ({@code civicgrid.db}, written by SQLite's {@code VACUUM INTO}: a consistent snapshot while the appliance keeps
 * writing), {@code attachments/}, {@code site.key} and the site's settings files under {@code settings/}. Used by the
 * nightly job and by the operator CLI; no CDI here.
 */
public final class BackupStore {

    static final String DB = "civicgrid.db";
    static final String KEY = "site.key";
    static final String ATTACHMENTS = "attachments";
    static final String SETTINGS = "settings";
    private static final String PREFIX = "civicgrid-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** One backup: its directory, when it was taken (local time of the box) and its size in bytes. */
    public record Backup(String name, Path dir, LocalDateTime taken, long bytes) implements Retention.Dated {
    }

    private final Path dataDir;
    private final Path backupDir;

    public BackupStore(Path dataDir, Path backupDir) {
        this.dataDir = dataDir;
        this.backupDir = backupDir;
    }

    /** Backs up through {@code store} (a connection to this data directory's database) into a new backup directory. */
    public Backup backup(Connection store, List<Path> settingsFiles, LocalDateTime now) throws IOException, SQLException {
        Files.createDirectories(backupDir);
        String name = PREFIX + STAMP.format(now);
        Path partial = backupDir.resolve(name + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial);
        try (Statement s = store.createStatement()) {
            s.execute("VACUUM INTO '" + partial.resolve(DB).toAbsolutePath().toString().replace("'", "''") + "'");
        }
        copyTree(dataDir.resolve(ATTACHMENTS), partial.resolve(ATTACHMENTS));
        copyIfExists(dataDir.resolve(KEY), partial.resolve(KEY));
        for (Path settings : settingsFiles) {
            if (Files.isReadable(settings)) {
                Files.createDirectories(partial.resolve(SETTINGS));
                Files.copy(settings, partial.resolve(SETTINGS).resolve(settings.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path done = backupDir.resolve(name);
        deleteTree(done);
        Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
        return new Backup(name, done, now, size(done));
    }

    /** Every complete backup, newest first. */
    public List<Backup> list() throws IOException {
        if (!Files.isDirectory(backupDir)) {
            return List.of();
        }
        List<Backup> backups = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(backupDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                taken(dir.getFileName().toString()).ifPresent(t -> backups.add(new Backup(dir.getFileName().toString(), dir, t, size(dir))));
            }
        }
        backups.sort(Comparator.comparing(Backup::taken).reversed());
        return backups;
    }

    /** Deletes the backups {@link Retention} does not keep; returns them. */
    public List<Backup> prune(int daily, int weekly, int monthly) throws IOException {
        List<Backup> all = list();
        Set<Backup> keep = Retention.keep(all, daily, weekly, monthly);
        List<Backup> deleted = all.stream().filter(b -> !keep.contains(b)).toList();
        for (Backup b : deleted) {
            deleteTree(b.dir());
        }
        return deleted;
    }

    /** Copies a backup into a data directory that is missing or empty, then checks the store; returns the check. */
    public static String restore(Path backup, Path freshDataDir) throws IOException, SQLException {
        if (!Files.isRegularFile(backup.resolve(DB))) {
            throw new IOException("not a backup (no " + DB + "): " + backup);
        }
        if (Files.isDirectory(freshDataDir)) {
            try (Stream<Path> entries = Files.list(freshDataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("the data directory is not empty: " + freshDataDir + " (restore only into a fresh one)");
                }
            }
        }
        Files.createDirectories(freshDataDir);
        Files.copy(backup.resolve(DB), freshDataDir.resolve(DB));
        copyTree(backup.resolve(ATTACHMENTS), freshDataDir.resolve(ATTACHMENTS));
        copyIfExists(backup.resolve(KEY), freshDataDir.resolve(KEY));
        return integrity(freshDataDir.resolve(DB));
    }

    /** {@code PRAGMA integrity_check} of a store file: {@code ok} or SQLite's list of problems. */
    public static String integrity(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=5000");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(out.isEmpty() ? "" : "\n").append(rs.getString(1));
            }
            return out.toString();
        }
    }

    static Optional<LocalDateTime> taken(String name) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(name.substring(PREFIX.length()), STAMP));
        } catch (DateTimeParseException notOurs) {
            return Optional.empty();
        }
    }

    private static void copyIfExists(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long size(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
