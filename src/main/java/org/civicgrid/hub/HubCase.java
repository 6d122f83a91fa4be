package org.civicgrid.hub;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 汇聚案卷 — an edge's case as the hub holds it: once per (site, edge case id), at its newest state. */
@Entity
@Table(name = "hub_case")
public class HubCase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "edge_case_id")
    public long edgeCaseId;

    @Column(name = "case_number")
    public String caseNumber;

    public String source;

    @Column(name = "class_code")
    public String classCode;

    public String description;

    public String address;

    public Double lat;

    public Double lon;

    @Column(name = "grid_code")
    public String gridCode;

    public String stage;

    @Column(name = "history_count")
    public int historyCount;

    @Column(name = "stage_deadline_at")
    public Instant stageDeadlineAt;

    @Column(name = "assignment_id")
    public Long assignmentId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
