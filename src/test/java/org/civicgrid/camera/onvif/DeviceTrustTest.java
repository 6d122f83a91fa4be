package org.civicgrid.camera.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.civicgrid.testsupport.OnvifResponder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera reached over https with its own self-signed certificate (named "ipcam", not the address it is reached at,
 * as cameras do): refused by the JDK's trust alone, trusted once its certificate is in the site's device file.
 */
class DeviceTrustTest {

    @TempDir
    Path dir;

    @Test
    void aSelfSignedCameraIsTrustedOnlyThroughTheSitesDeviceCertificates() throws Exception {
        Path key = dir.resolve("cam.key");
        Path cert = dir.resolve("cam.crt");
        Path p12 = dir.resolve("cam.p12");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=ipcam", "-keyout", key.toString(),
                "-out", cert.toString());
        run("openssl", "pkcs12", "-export", "-inkey", key.toString(), "-in", cert.toString(), "-out", p12.toString(), "-passout", "pass:camera");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, "camera".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "camera".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        TestClock clock = new TestClock("2026-11-22T01:19:10Z");
        try (OnvifResponder camera = new OnvifResponder(clock, serverTls)) {
            URI url = HttpOnvifDevice.deviceServiceUrl(camera.base());
            assertEquals("https", url.getScheme());
            HttpClient jdkOnly = HttpClient.newBuilder().sslContext(DeviceTrust.context(Optional.empty())).build();
            OnvifException refused = assertThrows(OnvifException.class,
                    () -> HttpOnvifDevice.connect(url, OnvifResponder.USER, OnvifResponder.PASSWORD, jdkOnly, clock, Duration.ofSeconds(5))
                            .deviceInformation());
            assertTrue(camera.received().isEmpty(), "nothing reached the camera over an untrusted connection: " + refused.getMessage());

            HttpClient pinned = HttpClient.newBuilder().sslContext(DeviceTrust.context(Optional.of(cert))).build();
            OnvifDevice.Info info = HttpOnvifDevice.connect(url, OnvifResponder.USER, OnvifResponder.PASSWORD, pinned, clock, Duration.ofSeconds(5))
                    .deviceInformation();
            assertEquals("Happytimesoft", info.manufacturer());
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command));
    }
}
