package org.civicgrid.evaluation;

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
 * 加分/扣分与申诉 — adjustment and appeal entry: a manual 加分/扣分 (signed points, who, why, when, approved by whom), a
 * department's 申诉 against a case's effect on its score, or the centre's decision on an appeal (points it grants,
 * 0 when refused). Appended once and never edited ("任何扣分、加分情况都不允许随意更改"); shown beside the computed score.
 */
@Entity
@Immutable
@Table(name = "eval_entry")
public class Adjustment extends PanacheEntityBase {

    /** 加分/扣分, 申诉, 申诉裁决. */
    public enum Kind {
        ADJUSTMENT, APPEAL, DECISION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "object_type")
    public String objectType;

    @Column(name = "object_key")
    public String objectKey;

    public String period;

    public double points;

    @Column(name = "case_id")
    public Long caseId;

    public String reason;

    @Column(name = "entered_by")
    public String enteredBy;

    @Column(name = "entered_role")
    public String enteredRole;

    @Column(name = "entered_at")
    public Instant enteredAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "decides_id")
    public Long decidesId;

    public static List<Adjustment> of(EvaluationObject object, String period) {
        return list("objectType = ?1 and period = ?2 order by id", object.apiName(), period);
    }
}
