package org.civicgrid.hub;

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
import java.util.HexFormat;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.cases.CasesConfig;
import org.civicgrid.web.Problem;

/**
 * 附件汇聚 — receives an attachment's bytes: only one a site's case refers to, only when they hash to the SHA-256
 * named, kept once under {@code <data-dir>/hub-blobs/ab/<sha256>} whoever sent it.
 */
@ApplicationScoped
public class HubBlobs {

    private final ApplianceConfig appliance;
    private final CasesConfig cases;
    private final Clock clock;

    HubBlobs(ApplianceConfig appliance, CasesConfig cases, Clock clock) {
        this.appliance = appliance;
        this.cases = cases;
        this.clock = clock;
    }

    /** True when stored now, false when the hub already had it. */
    @Transactional
    public boolean receive(String siteId, String sha256, InputStream body) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw Problem.badRequest("sha256", "64 lower-case hex digits");
        }
        if (HubAttachment.count("siteId = ?1 and sha256 = ?2", siteId, sha256) == 0) {
            throw new Problem(404, "not_found", "sha256", "no case of site " + siteId + " refers to attachment " + sha256 + ": send its event first");
        }
        if (HubBlob.findById(sha256) != null) {
            return false;
        }
        String relative = "hub-blobs/" + sha256.substring(0, 2) + "/" + sha256;
        Path target = Path.of(appliance.dataDir()).resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), sha256, ".part");
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long size;
                try (InputStream in = new DigestInputStream(body, digest)) {
                    size = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                if (size > cases.attachmentMaxBytes()) {
                    throw Problem.badRequest("file", "larger than an attachment may be (" + size + " bytes)");
                }
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(sha256)) {
                    throw Problem.badRequest("sha256", "the bytes hash to " + actual + ", not " + sha256);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            HubBlob blob = new HubBlob();
            blob.sha256 = sha256;
            blob.sizeBytes = Files.size(target);
            blob.storedPath = relative;
            blob.receivedAt = clock.instant();
            blob.persist();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment " + sha256, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file(HubBlob blob) {
        return Path.of(appliance.dataDir()).resolve(blob.storedPath);
    }
}
