package org.civicgrid.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** 案卷附件 — a photo, voice note or video clip of a case, stored as a file under the data directory. */
@Entity
@Table(name = "case_attachment")
public class CaseAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    /** The history row it belongs to (the latest action when it was uploaded). */
    @Column(name = "transition_seq")
    public Integer transitionSeq;

    /** Phase the uploader named: {@value #AFTER} for the photo after the fix (自处理, 处置反馈), else null. */
    public String phase;

    /** PHOTO, AUDIO or VIDEO (an alert's clip, from the box's own devices only). */
    public String kind;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "file_name")
    public String fileName;

    /** Path relative to the data directory. */
    @Column(name = "stored_path")
    public String storedPath;

    public String sha256;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    /** The phase of a photo taken after the fix. */
    public static final String AFTER = "AFTER";

    /** Whether the case holds a photo taken after the fix (the proof 自处理 needs). */
    public static boolean hasAfterPhoto(long caseId) {
        return count("caseId = ?1 and phase = ?2 and kind = 'PHOTO'", caseId, AFTER) > 0;
    }

    public static List<CaseAttachment> of(long caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
