package org.civicgrid.backup;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;
import org.civicgrid.org.Passwords;

/**
 * 运维账号命令 — {@code create-admin} and {@code reset-password} of the operator CLI: straight on the store (the service
 * may run), bcrypt hashes only, the appliance's password policy (length and zxcvbn strength).
 */
final class CliAccounts {

    /** The appliance's default civicgrid.staff.min-password-length. */
    static final int MIN_PASSWORD = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

    private final Path db;
    private final PrintStream out;

    CliAccounts(Path dataDir, PrintStream out) {
        this.db = dataDir.resolve(BackupStore.DB);
        this.out = out;
    }

    /** A new active administrator (管理员) with the given password; refuses a username that exists. */
    int createAdmin(String username, String displayName, String password) throws SQLException {
        String name = username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            out.println("a username has 2 to 32 letters, digits, '.', '_' or '-': " + username);
            return 2;
        }
        if (!refuseWeak(password, name, displayName)) {
            return 1;
        }
        if (!db.toFile().isFile()) {
            out.println("no store at " + db + " (start the service once first)");
            return 1;
        }
        String hash = BcryptUtil.bcryptHash(password); // before the transaction: it holds the store's write lock
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement exists = c.prepareStatement("SELECT count(*) FROM staff WHERE username = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        out.println("there is already a staff member named " + name + " (reset-password changes a password)");
                        return 1;
                    }
                }
            }
            long now = System.currentTimeMillis();
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO staff (username, display_name, password_hash, active, demo, "
                    + "created_at, password_changed_at, version) VALUES (?, ?, ?, TRUE, FALSE, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, name);
                insert.setString(2, displayName == null || displayName.isBlank() ? name : displayName.strip());
                insert.setString(3, hash);
                insert.setLong(4, now);
                insert.setLong(5, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement role = c.prepareStatement("INSERT INTO staff_role (staff_id, role) VALUES (?, 'ADMIN')")) {
                role.setLong(1, id);
                role.executeUpdate();
            }
            c.commit();
        }
        out.println("administrator " + name + " created; sign in at /login");
        return 0;
    }

    /** A new password for an existing staff member. */
    int resetPassword(String username, String password) throws SQLException {
        String name = username.trim().toLowerCase(Locale.ROOT);
        if (!refuseWeak(password, name)) {
            return 1;
        }
        try (Connection c = connect(); PreparedStatement update = c.prepareStatement(
                "UPDATE staff SET password_hash = ?, password_changed_at = ?, version = version + 1 WHERE username = ?")) {
            update.setString(1, BcryptUtil.bcryptHash(password));
            update.setLong(2, System.currentTimeMillis());
            update.setString(3, name);
            if (update.executeUpdate() == 0) {
                out.println("no staff member named " + username);
                return 1;
            }
        }
        out.println("password of " + username + " changed; restart the service (systemctl restart civicgrid) so it takes effect");
        return 0;
    }

    private boolean refuseWeak(String password, String... inputs) {
        String weakness = password == null ? "give the new password as one line on standard input"
                : Passwords.weakness(password, MIN_PASSWORD, inputs);
        if (weakness != null) {
            out.println(weakness);
        }
        return weakness == null;
    }

    /**
     * A connection whose transactions take the write lock at BEGIN, as the appliance's own do: the store is in WAL mode and
     * the running appliance writes beside this tool, so a transaction that reads first and writes later could find its
     * snapshot outdated when it gets the lock (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out).
     */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=10000&foreign_keys=true&transaction_mode=IMMEDIATE");
    }
}
