package org.civicgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GridCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"370831001001001", "37083100100100A", "3708310010A1B2C", "110105017003Z99"})
    void acceptsFifteenCharactersWithDigitsOrCapitalsAfterTheCounty(String code) {
        assertNull(GridCode.problem(code));
        GridCode grid = new GridCode(code);
        assertEquals(code.substring(0, 6), grid.countyCode());
        assertEquals(code.substring(0, 9), grid.streetCode());
        assertEquals(code.substring(0, 12), grid.communityCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "37083100100100|has 14 characters",
            "3708310010010011|has 16 characters",
            "37083A001001001|must be 6 digits of county code",
            "37083100100100a|must be 6 digits of county code then 9 characters 0-9 or A-Z",
            "370831 01001001|must be 6 digits",
            "370831-01001001|must be 6 digits"})
    void rejectsWrongLengthLettersInTheCountyAndOtherCharacters(String code, String reason) {
        assertTrue(GridCode.problem(code).contains(reason), GridCode.problem(code));
        assertThrows(IllegalArgumentException.class, () -> new GridCode(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void rejectsAMissingCode(String code) {
        assertEquals("the grid code is missing", GridCode.problem(code));
        assertEquals("the grid code is missing", GridCode.problem(null));
    }
}
