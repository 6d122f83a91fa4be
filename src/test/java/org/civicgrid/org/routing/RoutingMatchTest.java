package org.civicgrid.org.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingMatchTest {

    private static final Set<String> CASE = Set.of("incident:0110", "incident:06010");

    @Test
    void exactClassBeatsMajorBeatsAnyAndOtherClassesDoNotFit() {
        assertEquals(20, RoutingMatch.classScore("incident:0110", CASE));
        assertEquals(20, RoutingMatch.classScore("incident:06010", CASE), "the equivalent in the other code system fits exactly");
        assertEquals(10, RoutingMatch.classScore("incident:01", CASE));
        assertEquals(10, RoutingMatch.classScore("incident:06", CASE));
        assertEquals(0, RoutingMatch.classScore(null, CASE));
        assertEquals(-1, RoutingMatch.classScore("incident:0111", CASE));
        assertEquals(-1, RoutingMatch.classScore("component:01", CASE));
        assertEquals(-1, RoutingMatch.classScore("incident:0", CASE), "a one-digit prefix is not a major");
    }

    @Test
    void gridBeatsCommunityBeatsStreetBeatsCounty() {
        assertEquals(15, RoutingMatch.areaScore("370831001001007", "370831001001007", "370831001001", "370831001"));
        assertEquals(10, RoutingMatch.areaScore("370831001001", "370831001001007", "370831001001", "370831001"));
        assertEquals(5, RoutingMatch.areaScore("370831001", "370831001001007", "370831001001", "370831001"));
        assertEquals(0, RoutingMatch.areaScore(null, "370831001001007", "370831001001", "370831001"));
        assertEquals(-1, RoutingMatch.areaScore("370831002", "370831001001007", "370831001001", "370831001"));
        assertEquals(-1, RoutingMatch.areaScore("370831001", null, null, null), "a case without a place fits no area rule");
    }

    @Test
    void majorsAreTwoDigitsAfterTheKind() {
        assertTrue(RoutingMatch.isMajorOf("component:01", "component:0101"));
        assertTrue(RoutingMatch.isMajorOf("component:01", "component:01001"));
        assertFalse(RoutingMatch.isMajorOf("component:01", "component:01"));
        assertFalse(RoutingMatch.isMajorOf("component:010", "component:0101"));
    }
}
