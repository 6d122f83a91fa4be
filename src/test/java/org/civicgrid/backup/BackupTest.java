package org.civicgrid.backup;

import static org.civicgrid.testsupport.WebSession.signIn;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.civicgrid.backup.BackupStore.Backup;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.DataDirs;
import org.junit.jupiter.api.Test;

/**
 * A backup taken while cases keep being reported (the nightly job's {@link Backups#run()}) is a consistent snapshot: restored
 * into a fresh data directory it has the backup's case count, every case with its history, and passes integrity_check.
 */
@QuarkusTest
class BackupTest {

    @Inject
    Backups backups;

    @Test
    void aBackupTakenWhileCasesAreReportedRestoresConsistently() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reported = new AtomicLong();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                Cases.report("acceptor", "HOTLINE", "component:0101", Cases.LAT, Cases.LON);
                reported.incrementAndGet();
            }
        });
        writer.start();
        Backup backup;
        long before;
        long after;
        try {
            Instant until = Instant.now().plusSeconds(120);
            while (reported.get() < 3 && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            before = cases(live());
            backup = backups.run();
            after = cases(live());
        } finally {
            writing.set(false);
            writer.join();
        }
        assertTrue(reported.get() >= 3, "cases were being reported during the backup");
        Path fresh = Path.of("target/backup-restore-" + UUID.randomUUID());
        try {
            assertEquals("ok", BackupStore.restore(backup.dir(), fresh));
            long restored = cases(fresh.resolve(BackupStore.DB));
            assertEquals(cases(backup.dir().resolve(BackupStore.DB)), restored, "identical case count");
            assertTrue(before <= restored && restored <= after, before + " <= " + restored + " <= " + after);
            assertEquals(0, number(fresh.resolve(BackupStore.DB),
                    "SELECT count(*) FROM case_file c WHERE NOT EXISTS (SELECT 1 FROM case_transition t WHERE t.case_id = c.id)"),
                    "no case without its history: a snapshot, not a copy of a moving file");
            assertTrue(Files.exists(fresh.resolve(BackupStore.KEY)), "the site key comes back (sessions, sealed credentials)");
            assertTrue(backups.list().stream().anyMatch(b -> b.name().equals(backup.name())));
        } finally {
            DataDirs.wipe(fresh);
        }
    }

    @Test
    void restoreRefusesADataDirectoryInUse() throws Exception {
        Backup backup = backups.run();
        Path used = Files.createTempDirectory("civicgrid-used");
        Files.writeString(used.resolve("civicgrid.db"), "x");
        try {
            IOException refused = assertThrows(IOException.class, () -> BackupStore.restore(backup.dir(), used));
            assertTrue(refused.getMessage().contains("not empty"));
            assertEquals("x", Files.readString(used.resolve("civicgrid.db")), "nothing overwritten");
        } finally {
            DataDirs.wipe(used);
        }
    }

    @Test
    void adminsSeeTheLastBackupAndItsSizeAndMayRunOne() throws Exception {
        signIn("admin").form().when().post("/admin/backups").then().statusCode(200).body(containsString("id=\"last-backup\""));
        Backup last = backups.list().get(0);
        signIn("admin").page().when().get("/admin/backups").then().statusCode(200).body(containsString(last.name()))
                .body(containsString(BackupPages.human(last.bytes())));
        signIn("acceptor").page().when().get("/admin/backups").then().statusCode(403);
        signIn("acceptor").form().when().post("/admin/backups").then().statusCode(403);
    }

    private Path live() {
        return Path.of("target/test-data").resolve(BackupStore.DB);
    }

    private static long cases(Path db) throws Exception {
        return number(db, "SELECT count(*) FROM case_file");
    }

    private static long number(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=10000"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
