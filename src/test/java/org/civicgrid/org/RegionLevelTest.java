package org.civicgrid.org;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionLevelTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "370831, COUNTY", "370831001, STREET", "370831001002, COMMUNITY", "037083, COUNTY",
            "37083, -", "3708310011, -", "37083A001, -", "'', -", "370831001002003, -"})
    void levelFollowsFromTheCodeLength(String code, RegionLevel expected) {
        assertEquals(Optional.ofNullable(expected), RegionLevel.ofCode(code));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"COUNTY, -", "STREET, COUNTY", "COMMUNITY, STREET"})
    void parentLevel(RegionLevel level, RegionLevel parent) {
        assertEquals(Optional.ofNullable(parent), level.parent());
    }
}
