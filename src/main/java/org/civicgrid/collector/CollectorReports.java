package org.civicgrid.collector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.ActionInput;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseAction;
import org.civicgrid.cases.CaseActions;
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.cases.CaseAttachments;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseIntake;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.NewReport;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 监督员上报 — files an inspector's field report (photos, position, class, voice note) as an INSPECTOR case, and for
 * 自处理 takes the workflow's selfHandle action with the after photos — once per client reference, in one transaction.
 */
@ApplicationScoped
class CollectorReports {

    static final Pattern CLIENT_REF = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    /** The case and whether this upload made it (false: a retry of an upload already received). */
    record Filed(CaseFile file, boolean created, String positionSource) {
    }

    private final CaseIntake intake;
    private final CaseActions actions;
    private final CaseAttachments attachments;
    private final Clock clock;

    CollectorReports(CaseIntake intake, CaseActions actions, CaseAttachments attachments, Clock clock) {
        this.intake = intake;
        this.actions = actions;
        this.attachments = attachments;
        this.clock = clock;
    }

    @Transactional
    @SingleWriter
    Filed report(FieldUpload u, Actor actor, String username) {
        String ref = clientRef(u.clientRef);
        Optional<Filed> seen = seen(ref, actor);
        if (seen.isPresent()) {
            return seen.get();
        }
        List<FileUpload> photos = u.photos();
        if (photos.isEmpty()) {
            throw Problem.badRequest("photo", "take at least one photo of the problem");
        }
        photos.forEach(p -> requireKind(p, "PHOTO", "photo"));
        if (u.voice != null && u.voice.size() > 0) {
            requireKind(u.voice, "AUDIO", "voice");
        }
        Placed placed = place(u, photos.get(0));
        CaseFile c = intake.report(new NewReport(CaseSource.INSPECTOR, description(u), placed.lat, placed.lon, "wgs84",
                blankToNull(u.classCode), blankToNull(u.address), null, null, null), actor);
        store(c, photos, username);
        if (u.voice != null && u.voice.size() > 0) {
            store(c, List.of(u.voice), username);
        }
        if (u.selfHandle) {
            List<FileUpload> after = u.afterPhotos();
            if (after.isEmpty()) {
                throw Problem.badRequest("afterPhoto", "自处理 needs a photo after the fix");
            }
            after.forEach(p -> requireKind(p, "PHOTO", "afterPhoto"));
            String note = u.note == null || u.note.isBlank() ? "现场自处理" : u.note;
            after.forEach(f -> attachments.storeUpload(c, f.uploadedFile(), f.fileName(), username, CaseAttachment.AFTER));
            actions.apply(c.id, CaseAction.SELF_HANDLE, actor, ActionInput.note(note));
        }
        remember(ref, IntakeRef.Kind.REPORT, c.id, actor.staffId(), placed.source);
        return new Filed(c, true, placed.source);
    }

    private record Placed(Double lat, Double lon, String source) {
    }

    /** A map pick wins, then the photo's EXIF position, then the phone's GPS fix. */
    private static Placed place(FieldUpload u, FileUpload firstPhoto) {
        boolean sent = u.lat != null && u.lon != null;
        if (sent && "MAP".equalsIgnoreCase(u.positionSource)) {
            return new Placed(u.lat, u.lon, "MAP");
        }
        Optional<PhotoPosition.LatLon> exif = PhotoPosition.of(firstPhoto.uploadedFile());
        if (exif.isPresent()) {
            return new Placed(exif.get().lat(), exif.get().lon(), "EXIF");
        }
        if (!sent) {
            throw Problem.badRequest("lat", "no position: the phone had no GPS fix and the photo carries none — pick the place on the map");
        }
        return new Placed(u.lat, u.lon, "GPS");
    }

    private static String description(FieldUpload u) {
        if (u.description != null && !u.description.isBlank()) {
            return u.description.length() > 3900 ? u.description.substring(0, 3900) : u.description;
        }
        String cls = blankToNull(u.classCode);
        return cls == null ? "现场上报" : CaseClasses.find(cls).map(c -> c.name).orElse("现场上报");
    }

    void store(CaseFile c, List<FileUpload> files, String username) {
        files.forEach(f -> attachments.storeUpload(c, f.uploadedFile(), f.fileName(), username));
    }

    void requireKind(FileUpload f, String kind, String field) {
        if (f.size() == 0 || !attachments.kindOf(f.uploadedFile()).filter(kind::equals).isPresent()) {
            throw Problem.badRequest(field, "PHOTO".equals(kind) ? "not a photo (JPEG, PNG, WebP or HEIC): " + f.fileName()
                    : "not a voice note (MP3, M4A, OGG, AMR, WAV or WebM): " + f.fileName());
        }
    }

    static String clientRef(String ref) {
        if (ref == null || !CLIENT_REF.matcher(ref).matches()) {
            throw Problem.badRequest("clientRef", "send the upload's own reference: 8–64 letters, digits, - or _");
        }
        return ref;
    }

    /** The case an earlier upload with this reference made; another person's reference is a conflict. */
    static Optional<Filed> seen(String ref, Actor actor) {
        return IntakeRef.byRef(ref).map(r -> {
            if (r.staffId != null && !r.staffId.equals(actor.staffId())) {
                throw Problem.conflict("client_ref_taken", "clientRef " + ref + " belongs to another upload");
            }
            return new Filed(CaseFile.findById(r.caseId), false, r.positionSource);
        });
    }

    void remember(String ref, IntakeRef.Kind kind, long caseId, Long staffId, String positionSource) {
        IntakeRef r = new IntakeRef();
        r.clientRef = ref;
        r.kind = kind;
        r.caseId = caseId;
        r.staffId = staffId;
        r.positionSource = positionSource;
        r.receivedAt = clock.instant();
        r.persist();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
