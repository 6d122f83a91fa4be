package org.civicgrid.hub;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 汇聚附件 — an attachment of an edge's case by reference (SHA-256); the bytes are a {@link HubBlob}. */
@Entity
@Table(name = "hub_attachment")
public class HubAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "edge_case_id")
    public long edgeCaseId;

    public String sha256;

    public String kind;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "transition_seq")
    public Integer transitionSeq;

    public String phase;
}
