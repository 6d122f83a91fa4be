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
 * reporter, department (and the first one, 首接), stage and deadlines, 督办 and 延期 counts, flags (重复上报, 自处理)
 * and an optimistic version. Its stage is
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

    /**
     * 上级时限 — the deadline the platform above set (a 上级交办's {@code dueAt}); no clock of the case runs past it
     * ({@link Deadlines}). Null for the town's own cases.
     */
    @Column(name = "superior_due_at")
    public Instant superiorDueAt;

    /** Handling clock time left when suspended (挂账), in ms; restored on resume. */
    @Column(name = "suspended_remaining_ms")
    public Long suspendedRemainingMs;

    /** Extra time asked for by a pending 延期 request. */
    @Column(name = "pending_extension")
    public String pendingExtension;

    /** 督办中: a 督办单 of this case waits for the department's reply ({@link CaseUrge}). */
    public boolean urged;

    /** 督办次数: how many 督办单 the case has had. */
    @Column(name = "urge_count")
    public int urgeCount;

    /** 督办升级: the open 督办 went to 领导 (a second 督办 of an overdue case). */
    @Column(name = "urge_escalated")
    public boolean urgeEscalated;

    /** 延期次数: approved extensions. */
    @Column(name = "extension_count")
    public int extensionCount;

    /** Clock time granted by approved extensions, in ms (checked against the 延期 limits). */
    @Column(name = "extension_total_ms")
    public long extensionTotalMs;

    /** The pending 延期 request is past the threshold: 领导 approves it. */
    @Column(name = "extension_needs_leader")
    public boolean extensionNeedsLeader;

    /** 首接部门 (首接负责制): the department that first received the case, kept after 回退. */
    @Column(name = "first_department_id")
    public Long firstDepartmentId;

    /** 自处理 */
    @Column(name = "self_handled")
    public boolean selfHandled;

    /** 重复上报: the open case this report was merged into. */
    @Column(name = "duplicate_of_id")
    public Long duplicateOfId;

    /**
     * 重复上报次数: how many later reports were merged into this case — alert merges and manual merges alike, both
     * through {@link #countRepeat(long)} or the alert store's batch (never through the entity).
     */
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

    /** Counts one more 重复上报 merged into the case. */
    public static void countRepeat(long keptId) {
        getEntityManager().createNativeQuery("UPDATE case_file SET repeat_count = repeat_count + 1 WHERE id = ?1")
                .setParameter(1, keptId).executeUpdate();
    }
}
