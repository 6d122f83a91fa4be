package org.civicgrid.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * 回访 — call-back: after 结案 the desk calls the reporter and records whether they are satisfied; an input of 公众满意度.
 * Appended once; an unsatisfied one may reopen the case (重新开启) through the workflow.
 */
@Entity
@Immutable
@Table(name = "case_callback")
public class CallBack extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "called_at")
    public Instant calledAt;

    @Column(name = "caller_id")
    public Long callerId;

    @Column(name = "caller_name")
    public String callerName;

    public boolean satisfied;

    public String note;

    public boolean reopened;
}
