package org.civicgrid.grid.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ranking and door numbers as pure functions: exact beats prefix beats contains beats fuzzy, ties by kind then name,
 * door queries parsed in their usual spellings, and doors placed along a road at the start, middle and end of its
 * range, or the road itself for a number outside it.
 */
class PlaceRankingTest {

    private static final String LINE = "LINESTRING (117.25 35.66, 117.29 35.66)";

    @Test
    void exactBeatsPrefixBeatsContainsBeatsFuzzy() {
        double exact = score("泉林路", "泉林路").score();
        double prefix = score("泉林", "泉林路").score();
        double contains = score("林路", "泉林路").score();
        double fuzzy = score("泉林路口", "泉林路").score();
        assertTrue(exact > prefix && prefix > contains && contains > fuzzy, exact + " " + prefix + " " + contains + " " + fuzzy);
        assertEquals("fuzzy", score("泉林路口", "泉林路").matched());
        assertEquals("fuzzy", score("泉林 88号", "泉林路").matched());
        assertTrue(PlaceRanking.score(PlaceRanking.normalize("龙城路"), PlaceRanking.normalize("泉林路")).isEmpty(), "a shared 路 is no match");
        assertTrue(score("泉林路口", "泉林路").score() > score("泉林路口", "泉林路36号").score(), "a door number makes a name less alike");
        assertEquals(java.util.Set.of("泉林", "林路", "36"), PlaceRanking.bigrams("泉林路36号"));
    }

    @Test
    void aliasesAndFullWidthFormsMatch() {
        List<GazetteerEntry> entries = List.of(landmark("县人民医院", "人民医院,县医院"), landmark("人民公园", null));
        List<Candidate> found = PlaceSearch.search(entries, "县医院", 5);
        assertEquals("县人民医院", found.get(0).name());
        assertEquals("exact", found.get(0).matched());
        assertEquals("泉林路88号", PlaceRanking.normalize("泉林路 ８８ 号"));
    }

    @Test
    void tiesGoToDoorsThenLandmarksThenRoadsThenName() {
        List<GazetteerEntry> entries = List.of(road("泉林路", null, null, null), landmark("泉林站", null), landmark("泉林园", null),
                entry(PlaceKind.DOOR, "泉林1", null, 35.66, 117.27, null, null, null));
        List<Candidate> found = PlaceSearch.search(entries, "泉林", 5);
        assertEquals(List.of("泉林1", "泉林园", "泉林站", "泉林路"), found.stream().map(Candidate::name).toList());
        assertEquals(1, found.stream().map(Candidate::score).distinct().count(), "all tie");
    }

    @Test
    void aTighterMatchScoresHigher() {
        List<Candidate> found = PlaceSearch.search(List.of(landmark("泉林广场", null), road("泉林路", null, null, null)), "泉林", 5);
        assertEquals("泉林路", found.get(0).name());
        assertTrue(score("泉林", "泉林路").score() < PlaceRanking.EXACT);
        assertTrue(score("林路", "泉林路").score() < PlaceRanking.PREFIX);
    }

    @Test
    void doorQueriesAreParsed() {
        for (String query : List.of("泉林路88号", "泉林路 88 号", "泉林路88", "泉林路８８号")) {
            assertEquals(Optional.of(new DoorQuery("泉林路", 88)), DoorQuery.parse(query), query);
        }
        assertEquals(Optional.of(new DoorQuery("泉林", 88)), DoorQuery.parse("泉林 88号"));
        assertFalse(DoorQuery.parse("88号").isPresent());
        assertFalse(DoorQuery.parse("泉林路").isPresent());
    }

    @Test
    void doorsAreInterpolatedAtStartMiddleAndEnd() {
        List<GazetteerEntry> entries = List.of(road("泉林路", LINE, 1, 201));
        assertPoint(35.66, 117.25, door(entries, "泉林路1号"));
        assertPoint(35.66, 117.27, door(entries, "泉林路101号"));
        assertPoint(35.66, 117.29, door(entries, "泉林路 201 号"));
        Candidate mid = door(entries, "泉林路101");
        assertEquals("泉林路101号", mid.name());
        assertEquals(PlaceKind.DOOR, mid.kind());
        assertTrue(mid.interpolated());
        assertEquals("interpolated", mid.matched());
        assertPoint(35.66, 117.26, door(List.of(road("泉林路", LINE, 201, 1)), "泉林路151号"));
    }

    @Test
    void aStoredDoorComesFirstAndOutOfRangeGivesTheRoad() {
        GazetteerEntry stored = entry(PlaceKind.DOOR, "泉林路88号", null, 35.7, 117.3, null, null, null);
        Candidate found = PlaceSearch.search(List.of(road("泉林路", LINE, 1, 201), stored), "泉林路88号", 5).get(0);
        assertEquals("door", found.matched());
        assertFalse(found.interpolated());
        assertPoint(35.7, 117.3, found);
        List<Candidate> outside = PlaceSearch.search(List.of(road("泉林路", LINE, 1, 201)), "泉林路999号", 5);
        assertEquals(PlaceKind.ROAD, outside.get(0).kind());
        assertEquals("road", outside.get(0).matched());
        assertTrue(outside.get(0).score() < door(List.of(road("泉林路", LINE, 1, 201)), "泉林路99号").score());
        List<Candidate> noLine = PlaceSearch.search(List.of(road("泉林路", null, 1, 201)), "泉林路99号", 5);
        assertEquals("road", noLine.get(0).matched());
    }

    @Test
    void fractionsFollowTheRange() {
        assertEquals(0.5, RoadLine.fraction(50, 0 + 1, 99).getAsDouble(), 1e-9);
        assertTrue(RoadLine.fraction(0, 1, 99).isEmpty());
        assertTrue(RoadLine.fraction(5, null, 99).isEmpty());
        assertEquals(0.5, RoadLine.fraction(7, 7, 7).getAsDouble());
        assertEquals(RoadLine.parse(LINE), RoadLine.parse("117.25 35.66,117.29 35.66"));
    }

    private static PlaceRanking.Score score(String query, String name) {
        return PlaceRanking.score(PlaceRanking.normalize(query), PlaceRanking.normalize(name)).orElseThrow();
    }

    private static Candidate door(List<GazetteerEntry> entries, String query) {
        Candidate c = PlaceSearch.search(entries, query, 5).get(0);
        assertEquals(PlaceKind.DOOR, c.kind(), c.toString());
        return c;
    }

    private static void assertPoint(double lat, double lon, Candidate c) {
        assertEquals(lat, c.lat(), 1e-6, c.toString());
        assertEquals(lon, c.lon(), 1e-6, c.toString());
    }

    private static GazetteerEntry road(String name, String line, Integer from, Integer to) {
        return entry(PlaceKind.ROAD, name, null, 35.66, 117.27, line, from, to);
    }

    private static GazetteerEntry landmark(String name, String alias) {
        return entry(PlaceKind.LANDMARK, name, alias, 35.66, 117.27, null, null, null);
    }

    private static GazetteerEntry entry(PlaceKind kind, String name, String alias, double lat, double lon, String line, Integer from,
            Integer to) {
        Place p = new Place();
        p.kind = kind;
        p.name = name;
        p.alias = alias;
        p.lat = lat;
        p.lon = lon;
        p.line = line;
        p.numberFrom = from;
        p.numberTo = to;
        return GazetteerEntry.of(p);
    }
}
