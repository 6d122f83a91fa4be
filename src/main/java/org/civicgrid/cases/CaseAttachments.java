package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.web.Problem;

/**
 * 附件存储 — checks an upload (size, real type by its first bytes) and keeps it under
 * {@code <data-dir>/attachments/yyyy/MM/} with its SHA-256; the store holds only the metadata.
 */
@ApplicationScoped
public class CaseAttachments {

    private final ApplianceConfig appliance;
    private final CasesConfig config;
    private final Clock clock;

    CaseAttachments(ApplianceConfig appliance, CasesConfig config, Clock clock) {
        this.appliance = appliance;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Keeps evidence the box's own devices took (camera snapshots, alert pictures): recognised by its first bytes. An
     * archived case (closed or discarded) accepts nothing.
     */
    @Transactional
    public CaseAttachment store(CaseFile c, Path upload, String fileName, String uploadedBy) {
        return store(c, upload, fileName, uploadedBy, null, false, config.attachmentMaxBytes());
    }

    /** As {@link #store}, with the device's own bound (视频片段 of an alert may be larger than a photo). */
    @Transactional
    public CaseAttachment store(CaseFile c, Path upload, String fileName, String uploadedBy, long maxBytes) {
        return store(c, upload, fileName, uploadedBy, null, false, maxBytes);
    }

    /**
     * Keeps a file a person uploaded (case API, field collector, portal): as {@link #store}, and a photo must also
     * decode as the image it claims to be ({@link ImageCheck}), so a polyglot is refused.
     */
    @Transactional
    public CaseAttachment storeUpload(CaseFile c, Path upload, String fileName, String uploadedBy) {
        return store(c, upload, fileName, uploadedBy, null, true, config.attachmentMaxBytes());
    }

    /** As {@link #storeUpload}, for a phase the uploader names ({@link CaseAttachment#AFTER}) or none. */
    @Transactional
    public CaseAttachment storeUpload(CaseFile c, Path upload, String fileName, String uploadedBy, String phase) {
        return store(c, upload, fileName, uploadedBy, phase, true, config.attachmentMaxBytes());
    }

    private CaseAttachment store(CaseFile c, Path upload, String fileName, String uploadedBy, String phase, boolean decode, long maxBytes) {
        if (!c.stage.isOpen()) {
            throw Problem.conflict("case_archived", "case " + c.number + " is " + c.stage + " (archived): it accepts no more attachments");
        }
        try {
            long size = Files.size(upload);
            if (size == 0 || size > maxBytes) {
                throw Problem.badRequest("file", "attachments must be 1 byte to " + maxBytes / (1024 * 1024) + " MB, got " + size);
            }
            byte[] head = new byte[16];
            try (InputStream in = Files.newInputStream(upload)) {
                head = in.readNBytes(16);
            }
            MediaType type = MediaType.sniff(head)
                    .filter(t -> !decode || !"VIDEO".equals(t.kind)) // video comes from the box's own devices, not from uploads
                    .orElseThrow(() -> Problem.badRequest("file", "only photos (JPEG, PNG, WebP, HEIC) and voice notes (MP3, M4A, OGG, AMR, WAV, WebM) are accepted"));
            if (decode && !ImageCheck.decodes(upload, type)) {
                throw Problem.badRequest("file", "this file starts like a " + type.extension.toUpperCase(java.util.Locale.ROOT)
                        + " photo but is not one (it does not decode as an image)");
            }
            LocalDate day = LocalDate.now(clock);
            String relative = "attachments/%d/%02d/%s.%s".formatted(day.getYear(), day.getMonthValue(), UUID.randomUUID(), type.extension);
            Path target = Path.of(appliance.dataDir()).resolve(relative);
            Files.createDirectories(target.getParent());
            String sha256 = copyHashing(upload, target);
            CaseAttachment a = new CaseAttachment();
            a.caseId = c.id;
            a.transitionSeq = c.historyCount;
            a.phase = phase;
            a.kind = type.kind;
            a.contentType = type.contentType;
            a.sizeBytes = size;
            a.fileName = fileName == null ? null : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
            a.storedPath = relative;
            a.sha256 = sha256;
            a.uploadedBy = uploadedBy;
            a.uploadedAt = clock.instant();
            a.persist();
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment", e);
        }
    }

    /** PHOTO, AUDIO or VIDEO as recognised by the file's first bytes; empty for anything else (checked before storing). */
    public java.util.Optional<String> kindOf(Path upload) {
        try (InputStream in = Files.newInputStream(upload)) {
            return MediaType.sniff(in.readNBytes(16)).map(t -> t.kind);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload", e);
        }
    }

    public Path file(CaseAttachment a) {
        return Path.of(appliance.dataDir()).resolve(a.storedPath);
    }

    private static String copyHashing(Path from, Path to) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(from), digest)) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
