package org.civicgrid.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Predicate;
import org.civicgrid.catalog.ClassSystem;
import org.junit.jupiter.api.Test;

/** Component identifiers in both code systems, checked without a database (the known classes are a predicate). */
class ComponentCodeTest {

    private static final Predicate<String> KNOWN = Set.of("component:0101", "component:0137", "component:01001")::contains;

    @Test
    void aLegacyIdHas16DigitsWithA4DigitClass() {
        assertNull(ComponentCode.problem("3708310101000001", "370831", KNOWN));
        ComponentCode code = new ComponentCode("3708310101000001");
        assertEquals(ClassSystem.LEGACY, code.system());
        assertEquals("370831", code.countyCode());
        assertEquals("component:0101", code.classRef());
        assertEquals("000001", code.serial());
    }

    @Test
    void aGbt47678IdHas17DigitsWithA5DigitClass() {
        assertNull(ComponentCode.problem("37083101001000042", "370831", KNOWN));
        ComponentCode code = new ComponentCode("37083101001000042");
        assertEquals(ClassSystem.GBT47678, code.system());
        assertEquals("component:01001", code.classRef());
        assertEquals("000042", code.serial());
    }

    @Test
    void tooShortOrTooLongIdsNameTheirLength() {
        assertTrue(ComponentCode.problem("370831010100001", "370831", KNOWN).contains("has 15 characters"));
        assertTrue(ComponentCode.problem("370831010010000001", "370831", KNOWN).contains("has 18 characters"));
        assertTrue(ComponentCode.problem("", "370831", KNOWN).contains("missing"));
        assertThrows(IllegalArgumentException.class, () -> new ComponentCode("123"));
    }

    @Test
    void lettersAreRefused() {
        assertTrue(ComponentCode.problem("37083101010000A1", "370831", KNOWN).contains("digits only"));
    }

    @Test
    void anUnknownClassPartIsNamed() {
        String problem = ComponentCode.problem("3708310177000001", "370831", KNOWN);
        assertTrue(problem.contains("0177") && problem.contains("legacy"), problem);
        assertTrue(ComponentCode.problem("37083101999000001", "370831", KNOWN).contains("GB/T 47678.5"));
    }

    @Test
    void anotherCountysIdIsRefused() {
        String problem = ComponentCode.problem("3205080101000001", "370831", KNOWN);
        assertTrue(problem.contains("320508") && problem.contains("370831"), problem);
    }
}
