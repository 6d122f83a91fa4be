package org.civicgrid.component;

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

/** 部件状态变更 — one recorded change of a component's state (who, when, from, to, why); never changed afterwards. */
@Entity
@Table(name = "component_state_change")
public class ComponentStateChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "component_id")
    public String componentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ComponentState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ComponentState toState;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    public String note;

    /** The changes of one component, oldest first. */
    static List<ComponentStateChange> of(String componentId) {
        return list("componentId = ?1 order by changedAt, id", componentId);
    }
}
