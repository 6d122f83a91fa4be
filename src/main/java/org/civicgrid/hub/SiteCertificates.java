package org.civicgrid.hub;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.civicgrid.web.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 站点证书 — binds a site to its client certificate on a hub with mutual TLS (双向认证): the site's row keeps the
 * SHA-256 of the certificate (its DER encoding, as {@code openssl x509 -noout -fingerprint -sha256} shows it), and
 * a call of {@code /api/hub/v1} for that site must come over a connection that presented exactly that certificate.
 * The token still says which site calls; the certificate proves it is that site's box. A token with another site's
 * certificate is refused whether or not its own site has one registered. With
 * {@code civicgrid.hub.client-cert-required=true} a site without a registered certificate is refused too.
 */
@ApplicationScoped
public class SiteCertificates {

    private final boolean required;

    SiteCertificates(@ConfigProperty(name = "civicgrid.hub.client-cert-required", defaultValue = "false") boolean required) {
        this.required = required;
    }

    /** SHA-256 (hex) of the certificate the client presented on this connection; empty over plain HTTP or without one. */
    static Optional<String> presented(HttpServerRequest request) {
        SSLSession ssl = request == null ? null : request.sslSession();
        if (ssl == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = ssl.getPeerCertificates();
            return chain == null || chain.length == 0 ? Optional.empty() : Optional.of(sha256(chain[0].getEncoded()));
        } catch (SSLPeerUnverifiedException none) {
            return Optional.empty();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("client certificate without an encoding", e);
        }
    }

    /** Refuses (403) a call for {@code site} over a connection that did not present the certificate bound to it. */
    void check(HubSite site, Optional<String> presented) {
        if (site.certSha256 != null) {
            if (presented.isEmpty()) {
                throw refused("site " + site.siteId + " must present its registered client certificate (SHA-256 " + shortly(site.certSha256)
                        + "), this connection presented none (mutual TLS: the edge's civicgrid.hub.tls-configuration-name)");
            }
            if (!presented.get().equals(site.certSha256)) {
                throw refused("the client certificate of this connection (SHA-256 " + shortly(presented.get()) + ") is not the one registered for site "
                        + site.siteId + " (SHA-256 " + shortly(site.certSha256) + ")" + owner(presented.get()));
            }
            return;
        }
        if (presented.isPresent()) {
            String owner = owner(presented.get());
            if (!owner.isEmpty()) {
                throw refused("the client certificate of this connection is not registered for site " + site.siteId + owner);
            }
        }
        if (required) {
            throw refused("no client certificate is registered for site " + site.siteId + ", and this hub requires one"
                    + " (an admin registers it on /hub or with PUT /api/hub/sites/" + site.siteId + "/certificate)");
        }
    }

    /** Registers the certificate (its SHA-256 or the PEM) a site must present, or none (null or blank); returns the SHA-256. */
    @Transactional
    public String register(String siteId, String certificate) {
        HubSite site = HubSite.<HubSite>findByIdOptional(siteId).orElseThrow(() -> Problem.notFound("site " + siteId));
        String sha256 = certificate == null || certificate.isBlank() ? null : fingerprint(certificate);
        if (sha256 != null) {
            HubSite other = HubSite.find("certSha256 = ?1 and siteId <> ?2", sha256, siteId).firstResult();
            if (other != null) {
                throw Problem.conflict("certificate_taken", "this certificate is already registered for site " + other.siteId
                        + ": every site needs a certificate of its own");
            }
        }
        site.certSha256 = sha256;
        return sha256;
    }

    /** SHA-256 (hex) of a certificate given as PEM, or a SHA-256 given as hex (with or without colons, any case). */
    static String fingerprint(String certificate) {
        String text = certificate.trim();
        if (text.contains("-----BEGIN CERTIFICATE-----")) {
            int from = text.indexOf("-----BEGIN CERTIFICATE-----") + "-----BEGIN CERTIFICATE-----".length();
            int to = text.indexOf("-----END CERTIFICATE-----", from);
            if (to < 0) {
                throw Problem.badRequest("certificate", "the PEM has no END CERTIFICATE line");
            }
            try {
                byte[] der = Base64.getMimeDecoder().decode(text.substring(from, to));
                Certificate parsed = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
                return sha256(parsed.getEncoded());
            } catch (IllegalArgumentException | CertificateException e) {
                throw Problem.badRequest("certificate", "not a readable X.509 certificate: " + e.getMessage());
            }
        }
        String hex = text.replace(":", "").replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw Problem.badRequest("certificate", "give the certificate as PEM or its SHA-256 fingerprint (64 hex digits, colons allowed)");
        }
        return hex;
    }

    private static String owner(String sha256) {
        HubSite other = HubSite.find("certSha256", sha256).firstResult();
        return other == null ? "" : " — it is registered for site " + other.siteId;
    }

    private static Problem refused(String message) {
        return new Problem(403, "client_certificate", null, message);
    }

    private static String shortly(String sha256) {
        return sha256.substring(0, 16) + "…";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
