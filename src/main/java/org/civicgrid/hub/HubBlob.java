package org.civicgrid.hub;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 附件文件 — an attachment's bytes on the hub, stored once by SHA-256 whatever site or case refers to it. */
@Entity
@Table(name = "hub_blob")
public class HubBlob extends PanacheEntityBase {

    @Id
    public String sha256;

    @Column(name = "size_bytes")
    public long sizeBytes;

    /** Path relative to the data directory. */
    @Column(name = "stored_path")
    public String storedPath;

    @Column(name = "received_at")
    public Instant receivedAt;
}
