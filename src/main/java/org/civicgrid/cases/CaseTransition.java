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
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * 流转记录 — one action taken on a case: from, to, action, who (and in which role), when, note. Appended once,
 * never updated or deleted: evaluation (综合评价) is computed from this history.
 */
@Entity
@Immutable
@Table(name = "case_transition")
public class CaseTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    /** 1, 2, 3 … within the case. */
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public CaseStage from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage")
    public CaseStage to;

    /** The action's API name; {@code report} for the creation row. */
    public String action;

    @Column(name = "actor_id")
    public Long actorId;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "department_id")
    public Long departmentId;

    public Instant at;

    public String note;

    /**
     * 考核时限 — the evaluation deadline after this action (first 派遣, approved 延期, 恢复 after 挂账), else null:
     * see {@link EvaluationClock}.
     */
    @Column(name = "due_at")
    public Instant dueAt;

    /** The deadline of the stage this action ended (按时核实, 按时核查 …); null when that stage ran on no clock. */
    @Column(name = "stage_due_at")
    public Instant stageDueAt;

    public static List<CaseTransition> of(long caseId) {
        return list("caseId = ?1 order by seq", caseId);
    }

}
