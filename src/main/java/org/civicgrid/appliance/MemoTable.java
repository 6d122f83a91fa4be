package org.civicgrid.appliance;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * 内存参照表 — a small reference table (class names, departments, streets) read from the store once and kept in
 * memory until an entity marked {@code @EntityListeners(MemoTable.Changes.class)} is written: every table is then
 * read again on its next use. A change counts twice, when it is flushed and when its transaction ends, so a table
 * read in between (still without the change) is not kept. Loaders run where a store session is open (a request or
 * a transaction) and return plain values, never entities.
 */
public final class MemoTable<T> {

    private static final AtomicLong GENERATION = new AtomicLong();

    private record Held<T>(long generation, T value) {
    }

    private final Supplier<T> loader;
    private volatile Held<T> held;

    private MemoTable(Supplier<T> loader) {
        this.loader = loader;
    }

    public static <T> MemoTable<T> of(Supplier<T> loader) {
        return new MemoTable<>(loader);
    }

    /** The table as of the last change, read now if a change came since it was last read. */
    public T get() {
        Held<T> h = held;
        long generation = GENERATION.get();
        if (h != null && h.generation() == generation) {
            return h.value();
        }
        T value = loader.get();
        held = new Held<>(generation, value);
        return value;
    }

    /** Forgets every table (a reference entity changed). */
    public static void changed() {
        GENERATION.incrementAndGet();
        try {
            TransactionSynchronizationRegistry tx = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
            if (tx != null && tx.getTransactionStatus() == Status.STATUS_ACTIVE && tx.getResource(MemoTable.class) == null) {
                tx.putResource(MemoTable.class, Boolean.TRUE); // once per transaction (an import writes thousands of rows)
                tx.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        GENERATION.incrementAndGet();
                    }
                });
            }
        } catch (RuntimeException tooLateToRegister) {
            // flushed while the transaction completes: the count above is the one that holds
        }
    }

    /** JPA listener of the reference entities: any write forgets the tables. */
    public static class Changes {

        @PostPersist
        @PostUpdate
        @PostRemove
        void changed(Object entity) {
            MemoTable.changed();
        }
    }
}
