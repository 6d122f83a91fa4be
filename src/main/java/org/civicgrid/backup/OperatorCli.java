package org.civicgrid.backup;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * 运维命令行 — {@code civicgrid backup|list|restore|check} on the box, next to the running service: a plain main on
 * the installed application's class path ({@code bin/civicgrid} from the installer), no Quarkus start, so the server
 * start ({@code quarkus-run.jar}) is untouched.
 */
public final class OperatorCli {

    private static final String USAGE = """
            Usage: civicgrid [--data-dir DIR] [--backup-dir DIR] COMMAND [ARGS]

              backup [--settings FILE]...   online backup of the data directory (safe while the service runs),
                                            then the retention (7 daily, 4 weekly, 12 monthly)
              list                          the backups, newest first, with their size
              restore BACKUP NEW-DATA-DIR   copy a backup into a missing or empty data directory and check it;
                                            then point civicgrid.data-dir at it (or move it) and start the service
              check                         PRAGMA integrity_check and the migration state of the store
              reset-password USERNAME       set a staff member's password, read from standard input (one line);
                                            restart the service afterwards

            --data-dir defaults to $CIVICGRID_DATA_DIR or ./data; --backup-dir to <data-dir>/backups.
            Each command takes --help.
            """;

    /** The appliance's default civicgrid.staff.min-password-length. */
    private static final int MIN_PASSWORD = 10;

    private final PrintStream out;
    private final InputStream in;

    OperatorCli(PrintStream out, InputStream in) {
        this.out = out;
        this.in = in;
    }

    public static void main(String[] args) {
        System.exit(new OperatorCli(System.out, System.in).run(args));
    }

    /** Runs one command; returns the process exit code (0 ok, 1 failed, 2 usage). */
    int run(String... args) {
        String env = System.getenv("CIVICGRID_DATA_DIR");
        Path dataDir = Path.of(env == null || env.isBlank() ? "data" : env);
        Path backupDir = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty() && rest.get(0).startsWith("--") && rest.size() > 1 && !rest.get(0).equals("--help")) {
            String option = rest.remove(0);
            switch (option) {
                case "--data-dir" -> dataDir = Path.of(rest.remove(0));
                case "--backup-dir" -> backupDir = Path.of(rest.remove(0));
                default -> {
                    return usage("unknown option " + option);
                }
            }
        }
        if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h")) {
            out.print(USAGE);
            return rest.isEmpty() ? 2 : 0;
        }
        String command = rest.remove(0);
        boolean help = rest.contains("--help") || rest.contains("-h");
        BackupStore store = new BackupStore(dataDir, backupDir == null ? dataDir.resolve("backups") : backupDir);
        try {
            return switch (command) {
                case "backup" -> help ? help("backup [--settings FILE]...: online backup of " + dataDir + ", then the retention") : backup(store, dataDir, rest);
                case "list" -> help ? help("list: the backups, newest first") : list(store);
                case "restore" -> help ? help("restore BACKUP NEW-DATA-DIR: copy a backup into a missing or empty data directory and check it")
                        : restore(rest);
                case "check" -> help ? help("check: integrity_check and migration state of " + dataDir.resolve(BackupStore.DB)) : check(dataDir);
                case "reset-password" -> help ? help("reset-password USERNAME: new password (10 to 72 characters) on standard input; restart the service afterwards")
                        : resetPassword(dataDir, rest);
                default -> usage("unknown command " + command);
            };
        } catch (IOException | SQLException e) {
            out.println("failed: " + e.getMessage());
            return 1;
        }
    }

    private int backup(BackupStore store, Path dataDir, List<String> args) throws IOException, SQLException {
        List<Path> settings = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (!args.get(i).equals("--settings") || i + 1 == args.size()) {
                return usage("backup takes only --settings FILE");
            }
            settings.add(Path.of(args.get(++i)));
        }
        BackupStore.Backup b;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(BackupStore.DB) + "?busy_timeout=10000")) {
            b = store.backup(c, settings, LocalDateTime.now().withNano(0));
        }
        int removed = store.prune(7, 4, 12).size();
        out.printf("backup %s: %d bytes (%d old backups removed)%n", b.dir(), b.bytes(), removed);
        return 0;
    }

    private int list(BackupStore store) throws IOException {
        for (BackupStore.Backup b : store.list()) {
            out.printf("%s  %s  %d bytes%n", b.name(), b.taken(), b.bytes());
        }
        return 0;
    }

    private int restore(List<String> args) throws IOException, SQLException {
        if (args.size() != 2) {
            return usage("restore takes BACKUP and NEW-DATA-DIR");
        }
        String check = BackupStore.restore(Path.of(args.get(0)), Path.of(args.get(1)));
        out.println("restored into " + args.get(1) + ", integrity_check: " + check);
        return "ok".equals(check) ? 0 : 1;
    }

    private int check(Path dataDir) throws SQLException {
        Path db = dataDir.resolve(BackupStore.DB);
        if (!db.toFile().isFile()) {
            out.println("no store at " + db);
            return 1;
        }
        String integrity = BackupStore.integrity(db);
        out.println("integrity_check: " + integrity);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=5000"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), sum(CASE WHEN success THEN 0 ELSE 1 END), "
                        + "(SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1) FROM flyway_schema_history")) {
            rs.next();
            out.printf("migrations: %d applied, %d failed, last %s%n", rs.getLong(1), rs.getLong(2), rs.getString(3));
            return "ok".equals(integrity) && rs.getLong(2) == 0 ? 0 : 1;
        }
    }

    private int resetPassword(Path dataDir, List<String> args) throws IOException, SQLException {
        if (args.size() != 1) {
            return usage("reset-password takes USERNAME");
        }
        String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.isBlank() || password.length() < MIN_PASSWORD || password.length() > 72) {
            out.println("the new password must have " + MIN_PASSWORD + " to 72 characters (one line on standard input)");
            return 1;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(BackupStore.DB) + "?busy_timeout=10000");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE staff SET password_hash = ?, password_changed_at = ?, version = version + 1 WHERE username = ?")) {
            update.setString(1, BcryptUtil.bcryptHash(password));
            update.setLong(2, System.currentTimeMillis());
            update.setString(3, args.get(0).trim().toLowerCase(java.util.Locale.ROOT));
            if (update.executeUpdate() == 0) {
                out.println("no staff member named " + args.get(0));
                return 1;
            }
        }
        out.println("password of " + args.get(0) + " changed; restart the service (systemctl restart civicgrid) so it takes effect");
        return 0;
    }

    private int help(String text) {
        out.println("civicgrid " + text);
        return 0;
    }

    private int usage(String problem) {
        out.println(problem);
        out.print(USAGE);
        return 2;
    }
}
