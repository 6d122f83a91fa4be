package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A memo table is read once, kept, and read again after any change of a reference entity. */
class MemoTableTest {

    @Test
    void readOnceThenAgainAfterAChange() {
        AtomicInteger reads = new AtomicInteger();
        MemoTable<Integer> table = MemoTable.of(reads::incrementAndGet);
        assertEquals(1, table.get());
        assertEquals(1, table.get());
        new MemoTable.Changes().changed(new Object());
        assertEquals(2, table.get());
        assertEquals(2, table.get());
        assertEquals(2, reads.get());
    }
}
