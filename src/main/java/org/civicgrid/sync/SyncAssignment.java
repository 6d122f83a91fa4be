package org.civicgrid.sync;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 上级交办记录 — an assignment taken from the hub and the case it became here (each assignment once). */
@Entity
@Table(name = "sync_assignment")
public class SyncAssignment extends PanacheEntityBase {

    @Id
    @Column(name = "assignment_id")
    public Long assignmentId;

    @Column(name = "case_id")
    public Long caseId;

    /** The hub's deadline. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "received_at")
    public Instant receivedAt;
}
