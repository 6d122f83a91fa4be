package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicgrid.security.SignInLog;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * Instants read from the store by several threads at once are each row's own. Hibernate reads a UTC timestamp with
 * {@code ResultSet.getTimestamp(i, calendar)} passing one calendar shared by every thread, and sqlite-jdbc sets that
 * calendar to the row's value and reads it back — so two threads reading at once could each get the other's instant.
 * That is how 处置用时合计 (working minutes between two instants read per case) came out different in evaluation passes
 * computed at the same time as the start-up jobs' passes, while every count (compared in SQL) stayed the same.
 */
@QuarkusTest
class ConcurrentInstantReadsTest {

    private static final String NAME = "instant-race-probe";
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final int ROWS = 400;
    private static final int THREADS = 4;
    private static final int ROUNDS = 60;

    @Inject
    EntityManager em;

    @Test
    void instantsAreReadThroughTheStoresOwnDescriptor() {
        SessionFactoryImplementor factory = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class);
        assertInstanceOf(UtcTimestamps.class, factory.getMappingMetamodel().getEntityDescriptor(SignInLog.class)
                .findAttributeMapping("at").getSingleJdbcMapping().getJdbcType());
    }

    @Test
    void everyThreadReadsEachRowsOwnInstant() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            SignInLog.delete("username", NAME);
            for (int i = 0; i < ROWS; i++) {
                // each row's instant encodes its index: seconds since BASE = i * 86,400 + i
                SignInLog row = new SignInLog();
                row.at = BASE.plusSeconds(i * 86_401L);
                row.username = NAME;
                row.remoteAddress = String.valueOf(i);
                row.outcome = SignInLog.Outcome.FAILED;
                row.persist();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                readers.add(pool.submit(reader()));
            }
            int wrong = 0;
            for (Future<Integer> reader : readers) {
                wrong += reader.get();
            }
            assertEquals(0, wrong, "instants read as another row's value");
        } finally {
            pool.shutdownNow();
            QuarkusTransaction.requiringNew().run(() -> SignInLog.delete("username", NAME));
        }
    }

    private Callable<Integer> reader() {
        return () -> {
            int wrong = 0;
            for (int round = 0; round < ROUNDS; round++) {
                // outside a transaction, as evaluation reads run (a transaction takes SQLite's one write lock at BEGIN)
                ManagedContext request = Arc.container().requestContext();
                request.activate();
                List<Object[]> rows;
                try {
                    rows = em.createQuery("select l.remoteAddress, l.at from SignInLog l where l.username = :name", Object[].class)
                            .setParameter("name", NAME).getResultList();
                } finally {
                    request.terminate();
                }
                assertEquals(ROWS, rows.size());
                for (Object[] row : rows) {
                    Instant expected = BASE.plusSeconds(Integer.parseInt((String) row[0]) * 86_401L);
                    if (!expected.equals(row[1])) {
                        wrong++;
                    }
                }
            }
            return wrong;
        };
    }
}
