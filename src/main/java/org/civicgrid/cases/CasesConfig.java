package org.civicgrid.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;
import org.civicgrid.cases.CaseStage.StageClock;

/** 案卷配置 — stage time limits and the 24-hour duty stages, 督办 replies, duplicates, the overdue scan, attachments. */
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

    /**
     * The stage clocks the centre runs on a 24-hour duty calendar (24小时值班): their 工作时/工作日 limits count
     * wall-clock hours/days. The demo county's centre staffs 受理, 立案 and 派遣 around the clock (12319
     * "24小时受理"); a centre on office hours sets it empty.
     */
    @WithDefault("ACCEPT,FILE,DISPATCH")
    Set<StageClock> dutyStages();

    /** Time a 督办单 gives the department to reply (督办回复), unless the 督办 names its own. */
    @WithDefault("1工作日")
    String urgeReplyLimit();

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
