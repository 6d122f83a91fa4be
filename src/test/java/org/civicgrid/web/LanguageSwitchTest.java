package org.civicgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageSwitchTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "/admin/staff, /admin/staff", "-, /", "https://evil.example/, /", "//evil.example/x, /", "/\\evil, /", "relative, /"})
    void goesBackOnlyToPathsOnThisBox(String back, String expected) {
        assertEquals(expected, LanguageSwitch.safeLocalPath(back));
    }
}
