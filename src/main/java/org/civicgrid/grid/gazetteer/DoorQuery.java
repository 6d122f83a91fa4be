package org.civicgrid.grid.gazetteer;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 门牌查询 (door-number query) — a query that ends in a door number: "泉林路88号", "泉林路 88 号", "泉林路88" or with
 * full-width digits all read as road "泉林路", number 88. The road part must not be empty.
 */
record DoorQuery(String road, int number) {

    private static final Pattern DOOR = Pattern.compile("^(.*\\D)\\s*(\\d{1,5})\\s*号?$");

    /** The road and number of a query, if it ends in a door number. */
    static Optional<DoorQuery> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DOOR.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).trim());
        if (!m.matches() || m.group(1).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DoorQuery(m.group(1).trim(), Integer.parseInt(m.group(2))));
    }

    /** The name of this door on a road: 泉林路 + 88 → 泉林路88号. */
    static String label(String road, int number) {
        return road + number + "号";
    }
}
