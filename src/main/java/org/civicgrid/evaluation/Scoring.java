package org.civicgrid.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 综合得分与等级 — the composite score of one object from its rates and the configured weights, and its grade (A–E) from
 * the configured bands. A rate without a denominator (nothing due) leaves its weight out. Manual 加分/扣分 never enter
 * here: they are shown beside the computed score ({@link Adjustment}).
 */
@ApplicationScoped
public class Scoring {

    /** One grade band: the grade and the lowest score it takes. */
    public record Band(String grade, double from) {
    }

    private final Map<EvaluationObject, Map<Indicator, Integer>> weights = new EnumMap<>(EvaluationObject.class);
    private final List<Band> bands = new ArrayList<>();

    Scoring(EvaluationConfig config) {
        for (String part : config.weights().split(";")) {
            String[] objectAndList = part.split("=", 2);
            EvaluationObject object = EvaluationObject.of(objectAndList[0])
                    .orElseThrow(() -> new IllegalArgumentException("civicgrid.evaluation.weights: no object " + objectAndList[0]));
            Map<Indicator, Integer> w = new LinkedHashMap<>();
            for (String item : objectAndList[1].split(",")) {
                String[] kv = item.trim().split(":");
                Indicator indicator = Indicator.of(kv[0].trim()).filter(i -> i.unit() == Indicator.Unit.PERCENT)
                        .orElseThrow(() -> new IllegalArgumentException("civicgrid.evaluation.weights: no rate " + kv[0]));
                w.put(indicator, Integer.parseInt(kv[1].trim()));
            }
            weights.put(object, w);
        }
        for (String item : config.grades().split(",")) {
            String[] kv = item.trim().split(":");
            bands.add(new Band(kv[0].trim(), Double.parseDouble(kv[1].trim())));
        }
        bands.sort((a, b) -> Double.compare(b.from(), a.from()));
    }

    public Map<Indicator, Integer> weights(EvaluationObject object) {
        return weights.getOrDefault(object, Map.of());
    }

    public List<Band> bands() {
        return List.copyOf(bands);
    }

    /** The score 0–100 (one decimal) from the rates, or null when no weighted rate has a value. */
    public Double score(EvaluationObject object, Map<Indicator, Double> rates) {
        double sum = 0;
        int weight = 0;
        for (Map.Entry<Indicator, Integer> e : weights(object).entrySet()) {
            Double rate = rates.get(e.getKey());
            if (rate != null) {
                sum += e.getValue() * (e.getKey().higherIsBetter() ? rate : 100 - rate);
                weight += e.getValue();
            }
        }
        return weight == 0 ? null : Math.round(10 * sum / weight) / 10.0;
    }

    /** The grade of a score; null without a score. */
    public String grade(Double score) {
        if (score == null) {
            return null;
        }
        return bands.stream().filter(b -> score >= b.from()).map(Band::grade).findFirst().orElse(bands.get(bands.size() - 1).grade());
    }
}
