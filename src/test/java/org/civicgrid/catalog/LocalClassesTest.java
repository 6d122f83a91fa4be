package org.civicgrid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Local extension codes are numbered downward from 99 / 999 within a major, skipping the codes in use. */
class LocalClassesTest {

    @Test
    void legacyCountsDownFrom99() {
        assertEquals(Optional.of("99"), LocalClasses.nextLocalMinor(ClassSystem.LEGACY, Set.of("01", "02")));
        assertEquals(Optional.of("98"), LocalClasses.nextLocalMinor(ClassSystem.LEGACY, Set.of("01", "99")));
        assertEquals(Optional.of("95"), LocalClasses.nextLocalMinor(ClassSystem.LEGACY, Set.of("99", "98", "97", "96", "94")));
    }

    @Test
    void gbCountsDownFrom999WithThreeDigits() {
        assertEquals(Optional.of("999"), LocalClasses.nextLocalMinor(ClassSystem.GBT47678, Set.of("001", "099")));
        assertEquals(Optional.of("997"), LocalClasses.nextLocalMinor(ClassSystem.GBT47678, Set.of("999", "998")));
    }

    @Test
    void aFullMajorHasNoCodeLeft() {
        Set<String> used = new HashSet<>();
        IntStream.rangeClosed(2, 99).forEach(n -> used.add(ClassSystem.LEGACY.minor(n)));
        assertEquals(Optional.of("01"), LocalClasses.nextLocalMinor(ClassSystem.LEGACY, used));
        used.add("01");
        assertEquals(Optional.empty(), LocalClasses.nextLocalMinor(ClassSystem.LEGACY, used));
    }
}
