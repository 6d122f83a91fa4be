package org.civicgrid.hub;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 上级交办 — a case the hub gives a site, and what became of it there. */
@Entity
@Table(name = "hub_assignment")
public class HubAssignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public String siteId;

    public String description;

    public String address;

    public double lat;

    public double lon;

    @Column(name = "class_code")
    public String classCode;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "pulled_at")
    public Instant pulledAt;

    @Column(name = "edge_case_id")
    public Long edgeCaseId;

    @Column(name = "case_number")
    public String caseNumber;

    public String stage;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The stage of the case it became, as this build knows it; null until the site reports it. */
    public org.civicgrid.cases.CaseStage stageValue() {
        return stage == null ? null : org.civicgrid.cases.CaseStage.valueOf(stage);
    }
}
