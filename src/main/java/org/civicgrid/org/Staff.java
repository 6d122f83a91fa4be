package org.civicgrid.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * 工作人员 — a person who signs in: one or more roles, and for department staff the department they act for.
 * Only a bcrypt hash of the password is stored. Staff are deactivated, never deleted: history names them.
 */
@Entity
@Table(name = "staff")
public class Staff extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "password_hash")
    public String passwordHash;

    public String phone;

    @Column(name = "department_id")
    public Long departmentId;

    public boolean active = true;

    /** A demo account: it may sign in only while the appliance runs in demo mode. */
    public boolean demo;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    @Version
    public int version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    public Set<Role> roles = EnumSet.noneOf(Role.class);

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Usernames are case-insensitive and trimmed. */
    public static String normaliseUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    public static Optional<Staff> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static List<Staff> allOrdered() {
        return list("order by username");
    }

    public static long countWithRole(Role role) {
        return count("select count(s) from Staff s join s.roles r where r = ?1 and s.active = true", role);
    }
}
