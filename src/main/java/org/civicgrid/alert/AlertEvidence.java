package org.civicgrid.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 告警证据 — evidence of an alert for a case: a snapshot to fetch (URL or the camera's ONVIF snapshot) and where it was
 * taken. {@code PENDING} until {@link EvidenceFetcher} stores it as a case photo ({@code STORED}), retried with back-off,
 * {@code FAILED} after the last try; {@code LINK} when there is nothing to fetch (a DJI object key, a position), a clip
 * is too large to keep (the case keeps its link), or a camera's replay link was found.
 */
@Entity
@Table(name = "alert_evidence")
public class AlertEvidence extends PanacheEntityBase {

    public static final String SNAPSHOT = "SNAPSHOT";
    public static final String CLIP = "CLIP";
    public static final String REPLAY = "REPLAY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_id")
    public Long alertId;

    @Column(name = "case_id")
    public Long caseId;

    public String url;

    /**
     * {@link #SNAPSHOT} (a photo to fetch), {@link #CLIP} (a video clip at the source: its link, and the clip itself
     * when small enough) or {@link #REPLAY} (an ONVIF camera's recording: the replay URI for the window).
     */
    public String kind;

    /** 录像回放: the window of the recording the replay link is for (around the alert); null for other kinds. */
    @Column(name = "window_from")
    public Instant windowFrom;

    @Column(name = "window_to")
    public Instant windowTo;

    @Column(name = "camera_id")
    public Long cameraId;

    public Double lat;
    public Double lon;

    public String status;

    public int attempts;

    @Column(name = "next_try_at")
    public Instant nextTryAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "attachment_id")
    public Long attachmentId;

    @Column(name = "created_at")
    public Instant createdAt;
}
