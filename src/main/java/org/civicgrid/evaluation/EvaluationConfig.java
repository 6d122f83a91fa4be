package org.civicgrid.evaluation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * 考核配置 — the data of evaluation a centre sets (DOMAIN.md §6: defaults from one open-source implementation,
 * [unverified] against GB/T 30428.4): the 重复发案 window, the weights of the composite score per object type and the
 * grade bands.
 */
@ConfigMapping(prefix = "civicgrid.evaluation")
public interface EvaluationConfig {

    /** 重复发案: a filed case recurs when its class was closed in the same unit grid within this many days before. */
    @WithDefault("30")
    int recurrenceDays();

    /**
     * Weights of the composite score per object ({@code department}, {@code street} …) as
     * {@code INDICATOR:weight,…}; a lower-is-better rate scores 100 − rate.
     */
    @WithDefault("department=ON_TIME_CLOSE_RATE:40,CLOSE_RATE:20,ON_TIME_HANDLE_RATE:20,REWORK_RATE:10,RETURN_RATE:10;"
            + "street=ON_TIME_CLOSE_RATE:40,CLOSE_RATE:30,RECURRENCE_RATE:15,PUBLIC_REPORT_RATE:15;"
            + "community=ON_TIME_CLOSE_RATE:40,CLOSE_RATE:30,RECURRENCE_RATE:15,PUBLIC_REPORT_RATE:15;"
            + "grid=ON_TIME_CLOSE_RATE:40,CLOSE_RATE:30,RECURRENCE_RATE:15,PUBLIC_REPORT_RATE:15;"
            + "county=ON_TIME_CLOSE_RATE:40,CLOSE_RATE:30,REWORK_RATE:15,SATISFACTION:15;"
            + "post=VALID_REPORT_RATE:40,CONFIRM_ON_TIME_RATE:20,CHECK_ON_TIME_RATE:20,ACCURATE_FILING_RATE:10,ACCURATE_DISPATCH_RATE:10")
    String weights();

    /** Grade bands, highest first: {@code A:90,B:75,C:60,D:40,E:0} (A ≥ 90 … E below 40). */
    @WithDefault("A:90,B:75,C:60,D:40,E:0")
    String grades();

    /** How often the monthly freeze checks whether the last month is frozen (it freezes it once the month has closed). */
    @WithDefault("1h")
    String freezeCheckEvery();

    /** A department may appeal (申诉) a case's effect on its score within this time after the period's end. */
    @WithDefault("P7D")
    Duration appealWindow();
}
