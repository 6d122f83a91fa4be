package org.civicgrid.grid.gazetteer;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * 地名匹配评分 (place ranking) — how well a query names a place, as a pure function: the whole name or an alias
 * ({@value #EXACT}) beats a name starting with the query (80–90), which beats a name containing it (60–70), which
 * beats sharing Chinese character pairs (bigram Dice coefficient, up to {@value #FUZZY_MAX}; "泉林路口" still finds
 * 泉林路). Tighter prefix and contains matches (query covers more of the name) score higher. Equal scores are
 * ordered by kind (door, landmark, road), then name.
 */
final class PlaceRanking {

    static final double EXACT = 100;
    static final double PREFIX = 80;
    static final double CONTAINS = 60;
    static final double FUZZY_MAX = 50;
    /** Below this share of common character pairs a name does not match at all. */
    static final double MIN_DICE = 0.3;

    /** Candidates best first: score, then kind (door, landmark, road), then name. */
    static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparing(Candidate::kind).thenComparing(Candidate::name);

    /** A match of a query on a place: its score and how it matched ({@code exact}, {@code prefix}, …). */
    record Score(double score, String matched) {
    }

    private PlaceRanking() {
    }

    /** The text as compared: full-width forms folded (NFKC), lower case, no spaces or punctuation. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{P}\\p{S}]+", "");
    }

    /** The best match of a normalized query on any of a place's normalized names. */
    static Optional<Score> score(String query, List<String> names) {
        return names.stream().map(name -> score(query, name)).flatMap(Optional::stream)
                .max(Comparator.comparingDouble(Score::score));
    }

    /** The match of a normalized query on one normalized name, if they match at all. */
    static Optional<Score> score(String query, String name) {
        if (query.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        double coverage = (double) query.length() / name.length();
        if (name.equals(query)) {
            return Optional.of(new Score(EXACT, "exact"));
        }
        if (name.startsWith(query)) {
            return Optional.of(new Score(round(PREFIX + 10 * coverage), "prefix"));
        }
        if (name.contains(query)) {
            return Optional.of(new Score(round(CONTAINS + 10 * coverage), "contains"));
        }
        double dice = dice(bigrams(query), bigrams(name));
        return dice < MIN_DICE ? Optional.empty() : Optional.of(new Score(round(FUZZY_MAX * dice), "fuzzy"));
    }

    /**
     * What fuzzy matching compares: pairs of neighbouring Chinese characters, plus each run of other characters (a
     * door number, a letter code) as one token, so "泉林路36号" is further from "泉林路口" than "泉林路" is.
     */
    static Set<String> bigrams(String text) {
        Set<String> features = new HashSet<>();
        int run = -1;
        for (int i = 0; i < text.length(); i++) {
            boolean han = isHan(text.charAt(i));
            if (han && i + 1 < text.length() && isHan(text.charAt(i + 1))) {
                features.add(text.substring(i, i + 2));
            }
            if (!han && run < 0) {
                run = i;
            } else if (han && run >= 0) {
                features.add(text.substring(run, i));
                run = -1;
            }
        }
        if (run >= 0) {
            features.add(text.substring(run));
        }
        return features;
    }

    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return 2.0 * common / (a.size() + b.size());
    }

    static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
