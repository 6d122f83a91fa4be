package org.civicgrid.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseAttachments;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseIntake;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.NewReport;
import org.civicgrid.collector.PhotoPosition;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 公众举报受理 — checks a citizen's report (rate, challenge, problem, photos by their bytes and size, position from the
 * pin or the photo) and files it as a PUBLIC case into the acceptor's queue, with its moderation row, in one
 * transaction. The reporter gets the case number and a key to rate the result later (only its hash is kept).
 */
@ApplicationScoped
class PortalIntake {

    /** The filed case and the reporter's rating key (shown once). */
    record Filed(CaseFile file, String key) {
    }

    private static final Actor PORTAL = new Actor(null, "公众门户", EnumSet.noneOf(Role.class), null, true);

    private final CaseIntake intake;
    private final CaseAttachments attachments;
    private final Challenge challenge;
    private final AddressRateLimit rate;
    private final PortalConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PortalIntake(CaseIntake intake, CaseAttachments attachments, Challenge challenge, AddressRateLimit rate, PortalConfig config,
            Clock clock) {
        this.intake = intake;
        this.attachments = attachments;
        this.challenge = challenge;
        this.rate = rate;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    @SingleWriter
    Filed report(PortalForm form, String clientAddress) {
        rate.acquire(clientAddress);
        challenge.check(form.challenge, form.answer);
        PlainProblem problem = PlainProblem.of(form.problem)
                .orElseThrow(() -> Problem.badRequest("problem", "choose what the problem is from the list"));
        List<FileUpload> photos = checkedPhotos(form.photos());
        Double lat = form.lat;
        Double lon = form.lon;
        if ((lat == null || lon == null) && !photos.isEmpty()) {
            Optional<PhotoPosition.LatLon> exif = PhotoPosition.of(photos.get(0).uploadedFile());
            lat = exif.map(PhotoPosition.LatLon::lat).orElse(null);
            lon = exif.map(PhotoPosition.LatLon::lon).orElse(null);
        }
        if (lat == null || lon == null) {
            throw Problem.badRequest("lat", "put the pin on the map where the problem is");
        }
        String description = form.description == null || form.description.isBlank() ? problem.zh : limit(form.description.trim(), 2000);
        CaseFile c;
        try {
            c = intake.report(new NewReport(CaseSource.PUBLIC, description, lat, lon, "wgs84", org.civicgrid.catalog.CodeSystems.inActiveSystem(problem.classRef), limit(form.address, 300),
                    limit(form.name, 100), limit(form.phone, 32), null), PORTAL);
        } catch (Problem p) {
            throw "lat".equals(p.field()) ? Problem.badRequest("lat", "the pin is outside the area this centre serves") : p;
        }
        photos.forEach(p -> attachments.storeUpload(c, p.uploadedFile(), p.fileName(), "public"));
        String key = newKey();
        PublicReport r = new PublicReport();
        r.caseId = c.id;
        r.problemKey = problem.name();
        r.keyHash = sha256(key);
        r.clientHash = sha256("client:" + clientAddress);
        r.moderation = PublicReport.Moderation.PENDING;
        r.receivedAt = clock.instant();
        r.persist();
        return new Filed(c, key);
    }

    private List<FileUpload> checkedPhotos(List<FileUpload> photos) {
        if (photos.size() > config.maxPhotos()) {
            throw Problem.badRequest("photo", "at most " + config.maxPhotos() + " photos");
        }
        for (FileUpload p : photos) {
            if (p.size() > config.maxPhotoBytes()) {
                throw new Problem(413, "too_large", "photo", "photo: " + p.fileName() + " is larger than "
                        + config.maxPhotoBytes() / (1024 * 1024) + " MB");
            }
            if (!attachments.kindOf(p.uploadedFile()).filter("PHOTO"::equals).isPresent()) {
                throw new Problem(415, "unsupported_media_type", "photo", "photo: " + p.fileName() + " is not a photo (JPEG, PNG, WebP or HEIC)");
            }
        }
        return photos;
    }

    private String newKey() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String limit(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        return v.length() <= max ? v : v.substring(0, max);
    }
}
