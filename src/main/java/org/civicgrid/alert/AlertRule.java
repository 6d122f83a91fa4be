package org.civicgrid.alert;

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

/**
 * 告警规则 — one triage rule, edited by the admin: which alerts it matches (source, label, zone, minimum confidence,
 * active hours) and what they become (class, 立案条件, auto-file or the acceptor's review). Lowest priority first.
 */
@Entity
@Table(name = "alert_rule")
public class AlertRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public int priority;

    /** Null matches every source. */
    @Enumerated(EnumType.STRING)
    public AlertSource source;

    /** Null matches every label (Frigate object, our JSON label). */
    public String label;

    /** Null matches alerts in any zone or none. */
    public String zone;

    /** Null: the class the alert names itself ({@code classCode} of our JSON). */
    @Column(name = "class_code")
    public String classCode;

    /** 立案条件 used to auto-file; null: the class's first active one. */
    @Column(name = "standard_id")
    public Long standardId;

    @Column(name = "min_confidence")
    public double minConfidence;

    /** Local time {@code HH:mm} from which the rule applies; null with {@code activeTo}: all day. */
    @Column(name = "active_from")
    public String activeFrom;

    @Column(name = "active_to")
    public String activeTo;

    /** Straight to 立案 (FILED, handling deadline running) instead of the acceptor's 受理. */
    @Column(name = "auto_file")
    public boolean autoFile;

    public boolean enabled = true;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public static List<AlertRule> ordered() {
        return list("order by priority, id");
    }

    TriageRule view() {
        return new TriageRule(id, name, priority, source, label, zone, classCode, standardId, minConfidence,
                TriageRule.time(activeFrom), TriageRule.time(activeTo), autoFile, enabled);
    }
}
