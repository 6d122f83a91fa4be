package org.civicgrid.camera.onvif;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * 设备证书 — whom the box trusts when it reaches cameras and NVRs over https: the JDK's certificate authorities (with
 * the usual name check), plus the site's own file of device certificates ({@code civicgrid.camera.trusted-certificates},
 * PEM). A device whose certificate is in that file is trusted whatever names it carries: cameras' self-signed
 * certificates rarely name the address they are reached at, and the exact certificate is the stronger check.
 */
public final class DeviceTrust {

    private DeviceTrust() {
    }

    /** An SSL context for device connections; the JDK default when no file is given. */
    public static SSLContext context(Optional<Path> pinnedPem) {
        try {
            if (pinnedPem.isEmpty()) {
                return SSLContext.getDefault();
            }
            List<X509Certificate> pinned = new ArrayList<>();
            try (InputStream in = Files.newInputStream(pinnedPem.get())) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    pinned.add((X509Certificate) c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            X509ExtendedTrustManager jdk = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    jdk = x;
                }
            }
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new Pinned(pinned, jdk)}, null);
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the device certificates " + pinnedPem.get(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for devices: " + e.getMessage(), e);
        }
    }

    /** The pinned certificates first (no name check), then the JDK's authorities (with it). */
    private static final class Pinned extends X509ExtendedTrustManager {
        private final List<X509Certificate> pinned;
        private final X509ExtendedTrustManager jdk;

        Pinned(List<X509Certificate> pinned, X509ExtendedTrustManager jdk) {
            this.pinned = pinned;
            this.jdk = jdk;
        }

        private boolean isPinned(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the device sent no certificate");
            }
            if (pinned.contains(chain[0])) {
                chain[0].checkValidity();
                return true;
            }
            return false;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            if (!isPinned(chain)) {
                jdk.checkServerTrusted(chain, authType, engine);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            if (!isPinned(chain)) {
                jdk.checkServerTrusted(chain, authType, socket);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (!isPinned(chain)) {
                jdk.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("devices are servers here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("devices are servers here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("devices are servers here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(pinned);
            all.addAll(List.of(jdk.getAcceptedIssuers()));
            return all.toArray(X509Certificate[]::new);
        }
    }
}
