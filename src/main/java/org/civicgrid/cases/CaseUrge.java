package org.civicgrid.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * 督办单 — one 督办 of a case: who issued it and in which role (值班长, 领导, or the system on an overdue case), why,
 * by when the department must reply, whether it went to 领导 (escalated), and the department's 督办回复.
 */
@Entity
@Table(name = "case_urge")
public class CaseUrge extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    /** 1, 2, 3 … within the case. */
    public int seq;

    /** The history row of the 督办. */
    @Column(name = "transition_seq")
    public int transitionSeq;

    @Column(name = "issued_by_id")
    public Long issuedById;

    @Column(name = "issued_by_name")
    public String issuedByName;

    @Column(name = "issued_by_role")
    public String issuedByRole;

    @Column(name = "issued_at")
    public Instant issuedAt;

    public String reason;

    /** The time given to reply, as written ({@code 1工作日}). */
    @Column(name = "reply_limit")
    public String replyLimit;

    @Column(name = "reply_due_at")
    public Instant replyDueAt;

    /** 升级: issued to 领导 because the case was already urged and overdue. */
    public boolean escalated;

    @Column(name = "department_id")
    public Long departmentId;

    /** 督办回复 */
    public String reply;

    @Column(name = "replied_by_name")
    public String repliedByName;

    @Column(name = "replied_at")
    public Instant repliedAt;

    public static List<CaseUrge> of(long caseId) {
        return list("caseId = ?1 order by seq", caseId);
    }

    static List<CaseUrge> openOf(long caseId) {
        return list("caseId = ?1 and repliedAt is null order by seq", caseId);
    }

    /** Cases whose open 督办 is past its reply deadline and has not gone to 领导 yet. */
    static List<Long> unansweredPastDue(Instant now) {
        return find("select distinct u.caseId from CaseUrge u, CaseFile c where c.id = u.caseId and u.repliedAt is null"
                + " and u.replyDueAt < ?1 and c.urgeEscalated = false and c.stage not in ?2", now,
                List.of(CaseStage.CLOSED, CaseStage.DISCARDED)).project(Long.class).list();
    }
}
