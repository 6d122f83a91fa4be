package org.civicgrid.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * 案卷 (GB/T 30428) — one reported problem and its way through the loop: source, class and 立案条件, location,
 * reporter, department, stage and deadlines, flags (督办, 重复, 自处理) and an optimistic version. Its stage is
 * changed only by {@link CaseActions} following {@link CaseWorkflow#TABLE}.
 */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public String siteId;

    /** Readable number, unique per site: date + daily serial, e.g. {@code 202611220007}. */
    @Column(name = "case_number")
    public String number;

    @Enumerated(EnumType.STRING)
    public CaseSource source;

    /** Class reference {@code kind:code} ({@code component:0101}, {@code incident:06010}); may be set at filing. */
    @Column(name = "class_code")
    public String classCode;

    @Column(name = "filing_standard_id")
    public Long filingStandardId;

    /** The 立案条件 text as it stood when the case was filed. */
    @Column(name = "filing_condition")
    public String filingCondition;

    public String description;
    public String address;
    public Double lat;
    public Double lon;

    @Column(name = "grid_code")
    public String gridCode;

    @Column(name = "community_code")
    public String communityCode;

    @Column(name = "street_code")
    public String streetCode;

    /** 部件标识码 of the component the case is about, when it is about one. */
    @Column(name = "component_id")
    public String componentId;

    @Column(name = "reporter_name")
    public String reporterName;

    @Column(name = "reporter_phone")
    public String reporterPhone;

    @Column(name = "reported_by_id")
    public Long reportedById;

    @Column(name = "department_id")
    public Long departmentId;

    /** The inspector who holds the current 核实/核查 task. */
    @Column(name = "assignee_id")
    public Long assigneeId;

    @Enumerated(EnumType.STRING)
    public CaseStage stage;

    @Column(name = "stage_started_at")
    public Instant stageStartedAt;

    /** The current stage's time limit, as written ({@code 4工作时}); empty while no clock runs. */
    @Column(name = "stage_limit")
    public String stageLimit;

    @Column(name = "stage_deadline_at")
    public Instant stageDeadlineAt;

    /** 处置时限 from the 立案条件. */
    @Column(name = "handling_limit")
    public String handlingLimit;

    @Column(name = "handling_started_at")
    public Instant handlingStartedAt;

    @Column(name = "handling_deadline_at")
    public Instant handlingDeadlineAt;

    /** Handling clock time left when suspended (挂账), in ms; restored on resume. */
    @Column(name = "suspended_remaining_ms")
    public Long suspendedRemainingMs;

    /** Extra time asked for by a pending 延期 request. */
    @Column(name = "pending_extension")
    public String pendingExtension;

    /** 督办 */
    public boolean urged;

    /** 自处理 */
    @Column(name = "self_handled")
    public boolean selfHandled;

    /** 重复: the open case this report was merged into. */
    @Column(name = "duplicate_of_id")
    public Long duplicateOfId;

    /** 重复发案: how many more alerts were merged into this case (written by the alert store only). */
    @Column(name = "repeat_count", insertable = false, updatable = false)
    public int repeatCount;

    /** 返工 count: failed 核查 rounds. */
    @Column(name = "rework_count")
    public int reworkCount;

    /** Number of history rows: the next row gets {@code historyCount + 1} as its seq. */
    @Column(name = "history_count")
    public int historyCount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public int version;
}
