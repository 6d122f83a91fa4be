package org.civicgrid.open311;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * Open311 原始请求 — what an outside client sent with a service request, kept beside the case it became: the token,
 * the key, the attributes, the media URL and the reporter's contact details (staff only; never in a GET answer).
 */
@Entity
@Table(name = "open311_request")
public class Open311Request extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    public String token;

    @Column(name = "key_id")
    public Long keyId;

    @Column(name = "service_code")
    public String serviceCode;

    /** {@code CODE=value} lines as sent. */
    public String attributes;

    @Column(name = "media_url")
    public String mediaUrl;

    public String email;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String phone;

    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "address_string")
    public String addressString;

    @Column(name = "received_at")
    public Instant receivedAt;

    static Optional<Open311Request> byToken(String token) {
        return find("token", token).firstResultOptional();
    }

    static Optional<Open311Request> ofCase(long caseId) {
        return find("caseId", caseId).firstResultOptional();
    }
}
