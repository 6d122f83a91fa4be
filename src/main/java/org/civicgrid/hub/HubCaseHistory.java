package org.civicgrid.hub;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 汇聚流转记录 — one history row of an edge's case, stored once. */
@Entity
@Table(name = "hub_case_history")
public class HubCaseHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "edge_case_id")
    public long edgeCaseId;

    /** The hub's case ({@code hub_case.id}) this row belongs to: set at ingest (V35 filled in the rows before). */
    @Column(name = "case_id")
    public Long caseId;

    public int seq;

    public String action;

    @Column(name = "from_stage")
    public String fromStage;

    @Column(name = "to_stage")
    public String toStage;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "actor_role")
    public String actorRole;

    public Instant at;

    public String note;

    /** The evaluation deadline (考核时限) this row set on the edge, if it set one (the case's is the greatest). */
    @Column(name = "due_at")
    public Instant dueAt;

    /** The deadline of the stage this row ended (按时核实, 按时核查, …), if it had one. */
    @Column(name = "stage_due_at")
    public Instant stageDueAt;
}
