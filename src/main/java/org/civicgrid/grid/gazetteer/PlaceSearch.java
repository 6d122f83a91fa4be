package org.civicgrid.grid.gazetteer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 地名检索 (place search) — ranks the gazetteer's entries for a query, as a pure function over an in-memory list:
 * every entry's name and aliases are scored by {@link PlaceRanking}; a query ending in a door number also asks
 * {@link DoorLocator}. Each place answers once, with its best score.
 */
final class PlaceSearch {

    private PlaceSearch() {
    }

    static List<Candidate> search(List<GazetteerEntry> entries, String text, int limit) {
        String query = PlaceRanking.normalize(text);
        Map<String, Candidate> best = new HashMap<>();
        for (GazetteerEntry entry : entries) {
            PlaceRanking.score(query, entry.names()).ifPresent(score -> keepBest(best, Candidate.of(entry, score)));
        }
        DoorQuery.parse(text).ifPresent(door -> DoorLocator.locate(entries, door).forEach(c -> keepBest(best, c)));
        return best.values().stream().sorted(PlaceRanking.ORDER).limit(limit).toList();
    }

    private static void keepBest(Map<String, Candidate> best, Candidate candidate) {
        best.merge(candidate.key(), candidate, (a, b) -> b.score() > a.score() ? b : a);
    }
}
