package org.civicgrid.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 运维命令行 — {@code civicgrid backup|list|restore|check|reset-password|create-admin|import-grids|export} on the box, next to the running service: a plain main on
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
              create-admin USERNAME [--name DISPLAY-NAME]
                                            a new administrator; the password is read from standard input
              import-grids FILE [--replace] [--url URL] [--user ADMIN] [--ca CERT.pem]
                                            unit grids (GeoJSON FeatureCollection, or CSV code,name,wkt) into the
                                            running service, checked like the admin page; ADMIN's password on stdin
              export [--format csv|json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--zone ZONE] [--out FILE]
                                            the cases created in the range (all by default): CSV one row per case,
                                            JSON with each case's history; to standard output unless --out

            --data-dir defaults to $CIVICGRID_DATA_DIR or ./data; --backup-dir to <data-dir>/backups.
            Each command takes --help.
            """;

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
                case "reset-password" -> help ? help("reset-password USERNAME: new password (10 to 72 characters, not guessable) on standard input; "
                        + "restart the service afterwards") : rest.size() != 1 ? usage("reset-password takes USERNAME")
                        : new CliAccounts(dataDir, out).resetPassword(rest.get(0), stdinLine());
                case "create-admin" -> help ? help("create-admin USERNAME [--name DISPLAY-NAME]: a new administrator (管理员); "
                        + "the password (10 to 72 characters, not guessable) on standard input") : createAdmin(dataDir, rest);
                case "import-grids" -> help ? help("import-grids FILE [--replace] [--url URL] [--user ADMIN] [--ca CERT.pem]: unit grids from a "
                        + "GeoJSON FeatureCollection (properties code, name) or a CSV with columns code,name,wkt[,validFrom,validTo] (WGS84), "
                        + "sent to the running service's grid import as ADMIN (default admin; password on standard input); --replace "
                        + "replaces grids with the same code. URL defaults to $CIVICGRID_URL or http://127.0.0.1:8080, the trusted "
                        + "certificate to $CIVICGRID_CA") : importGrids(rest);
                case "export" -> help ? help("export [--format csv|json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--zone ZONE] [--out FILE]: "
                        + "the cases created in the range (default: all) as CSV (UTF-8, one row per case) or JSON with each case's "
                        + "history; times in ZONE (default $CIVICGRID_TIME_ZONE or Asia/Shanghai); reporters' personal data left out")
                        : export(dataDir, rest);
                default -> usage("unknown command " + command);
            };
        } catch (IOException | SQLException | GeneralSecurityException | RuntimeException e) {
            out.println("failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private int createAdmin(Path dataDir, List<String> args) throws IOException, SQLException {
        Map<String, String> options = options(args, Set.of("--name"), Set.of());
        if (options == null || args.size() != 1) {
            return usage("create-admin takes USERNAME [--name DISPLAY-NAME]");
        }
        return new CliAccounts(dataDir, out).createAdmin(args.get(0), options.get("--name"), stdinLine());
    }

    private int importGrids(List<String> args) throws IOException, GeneralSecurityException, InterruptedException {
        Map<String, String> options = options(args, Set.of("--url", "--user", "--ca"), Set.of("--replace"));
        if (options == null || args.size() != 1) {
            return usage("import-grids takes FILE [--replace] [--url URL] [--user ADMIN] [--ca CERT.pem]");
        }
        JsonNode collection = CliGridImport.collection(Path.of(args.get(0)));
        String url = options.getOrDefault("--url", env("CIVICGRID_URL", "http://127.0.0.1:8080"));
        String ca = options.getOrDefault("--ca", env("CIVICGRID_CA", ""));
        String password = stdinLine();
        if (password == null || password.isBlank()) {
            return usage("give the administrator's password as one line on standard input");
        }
        return new CliGridImport(out).send(collection, URI.create(url), options.getOrDefault("--user", "admin"), password,
                ca.isBlank() ? null : Path.of(ca), options.containsKey("--replace"));
    }

    private int export(Path dataDir, List<String> args) throws IOException, SQLException {
        Map<String, String> options = options(args, Set.of("--format", "--from", "--to", "--zone", "--out"), Set.of());
        String format = options == null ? null : options.getOrDefault("--format", "csv");
        if (options == null || !args.isEmpty() || !List.of("csv", "json").contains(format)) {
            return usage("export takes [--format csv|json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--zone ZONE] [--out FILE]");
        }
        ZoneId zone = ZoneId.of(options.getOrDefault("--zone", env("CIVICGRID_TIME_ZONE", "Asia/Shanghai")));
        LocalDate from = LocalDate.parse(options.getOrDefault("--from", "2000-01-01"));
        LocalDate to = LocalDate.parse(options.getOrDefault("--to", LocalDate.now(zone).plusDays(1).toString()));
        if (!dataDir.resolve(BackupStore.DB).toFile().isFile()) {
            out.println("no store at " + dataDir.resolve(BackupStore.DB));
            return 1;
        }
        CliExport export = new CliExport(dataDir, zone);
        String file = options.get("--out");
        if (file == null) {
            export.export(format, from, to, out);
            out.flush();
            return 0;
        }
        Path target = Path.of(file);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        int n;
        try (OutputStream os = Files.newOutputStream(partial)) {
            n = export.export(format, from, to, os);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        out.printf("%d cases exported to %s%n", n, target);
        return 0;
    }

    /** Takes the options (with a value, or flags) out of args; null when one is unknown or lacks its value. */
    private static Map<String, String> options(List<String> args, Set<String> valued, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); ) {
            String a = args.get(i);
            if (flags.contains(a)) {
                options.put(a, "true");
                args.remove(i);
            } else if (valued.contains(a)) {
                if (i + 1 == args.size()) {
                    return null;
                }
                args.remove(i);
                options.put(a, args.remove(i));
            } else if (a.startsWith("--")) {
                return null;
            } else {
                i++;
            }
        }
        return options;
    }

    private String stdinLine() throws IOException {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
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
