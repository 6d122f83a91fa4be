package org.civicgrid.grid.gazetteer;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * 门牌定位 (door locator) — answers "泉林路88号": a stored door address with that road and number first
 * ({@value #STORED_DOOR}); else, when the best-matching road has a line and its range holds the number, a door
 * placed along the line by linear referencing (road score + {@value #INTERPOLATED_BONUS}); else the road itself,
 * scored {@value #OUT_OF_RANGE_PENALTY} lower than the road alone would.
 */
final class DoorLocator {

    static final double STORED_DOOR = 120;
    static final double INTERPOLATED_BONUS = 10;
    static final double OUT_OF_RANGE_PENALTY = 20;

    private record RoadMatch(GazetteerEntry road, PlaceRanking.Score score) {
    }

    private DoorLocator() {
    }

    static List<Candidate> locate(List<GazetteerEntry> entries, DoorQuery door) {
        String roadQuery = PlaceRanking.normalize(door.road());
        Optional<RoadMatch> road = bestRoad(entries, roadQuery);
        String roadName = road.map(r -> PlaceRanking.normalize(r.road().name())).orElse(roadQuery);
        List<Candidate> stored = entries.stream().filter(e -> e.door().isPresent() && isDoor(e.door().get(), door.number(), roadQuery, roadName))
                .map(e -> Candidate.of(e, new PlaceRanking.Score(STORED_DOOR, "door"))).toList();
        if (!stored.isEmpty() || road.isEmpty()) {
            return stored;
        }
        return List.of(along(road.get(), door.number()));
    }

    private static Candidate along(RoadMatch match, int number) {
        GazetteerEntry road = match.road();
        OptionalDouble fraction = RoadLine.fraction(number, road.numberFrom(), road.numberTo());
        if (road.line() == null || fraction.isEmpty()) {
            return Candidate.of(road, new PlaceRanking.Score(match.score().score() - OUT_OF_RANGE_PENALTY, "road"));
        }
        double[] at = RoadLine.at(road.line(), fraction.getAsDouble());
        return new Candidate(DoorQuery.label(road.name(), number), PlaceKind.DOOR, road.address(), at[0], at[1],
                match.score().score() + INTERPOLATED_BONUS, "interpolated", true);
    }

    private static boolean isDoor(DoorQuery stored, int number, String roadQuery, String roadName) {
        String storedRoad = PlaceRanking.normalize(stored.road());
        return stored.number() == number && (storedRoad.equals(roadQuery) || storedRoad.equals(roadName));
    }

    private static Optional<RoadMatch> bestRoad(List<GazetteerEntry> entries, String roadQuery) {
        return entries.stream().filter(e -> e.kind() == PlaceKind.ROAD)
                .flatMap(e -> PlaceRanking.score(roadQuery, e.names()).map(s -> new RoadMatch(e, s)).stream())
                .max(Comparator.comparingDouble((RoadMatch m) -> m.score().score())
                        .thenComparing(m -> m.road().name(), Comparator.reverseOrder()));
    }
}
