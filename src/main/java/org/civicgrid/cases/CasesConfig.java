package org.civicgrid.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** 案卷配置 — stage time limits, duplicates, the overdue scan, attachments and the service area. */
@ConfigMapping(prefix = "civicgrid.cases")
public interface CasesConfig {

    /** 受理时限: from report to accepted / sent to 核实 [unverified default]. */
    @WithDefault("1工作时")
    String acceptLimit();

    /** 核实时限 (DOMAIN.md §4: 24 h) [unverified default]. */
    @WithDefault("24紧急工作时")
    String confirmLimit();

    /** 立案时限 [unverified default]. */
    @WithDefault("1工作时")
    String fileLimit();

    /** 派遣时限 [unverified default]. */
    @WithDefault("1工作时")
    String dispatchLimit();

    /** 核查时限, from reported handled to checked (DOMAIN.md §4: 2 h) [unverified default]. */
    @WithDefault("2工作时")
    String checkLimit();

    /** 结案时限 [unverified default]. */
    @WithDefault("1工作时")
    String closeLimit();

    /** Share of the limit used up at which the light turns yellow. */
    @WithDefault("0.8")
    double yellowAt();

    /** Duplicate suggestions: open cases of the same class within this distance … */
    @WithDefault("50")
    double duplicateRadiusMeters();

    /** … reported within this time. */
    @WithDefault("PT24H")
    Duration duplicateWindow();

    /** Raise an automatic 督办 when a case runs past its stage deadline. */
    @WithDefault("true")
    boolean autoUrge();

    /** How often the overdue scan runs. */
    @WithDefault("60s")
    String overdueScanEvery();

    /** Largest accepted attachment. */
    @WithDefault("10485760")
    long attachmentMaxBytes();

}
