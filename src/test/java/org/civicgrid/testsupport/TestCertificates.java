package org.civicgrid.testsupport;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates for a real TLS setup on loopback, made with the JDK's {@code keytool} (no network, no extra library):
 * a server certificate for {@code localhost}/127.0.0.1, and a CA ("sites CA") that signs one client certificate per
 * name. Everything is PKCS#12 with the password {@link #PASSWORD}.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /**
     * Makes {@code server.p12} (key), {@code server-trust.p12} (the server's certificate, for clients), {@code ca.p12}
     * and {@code ca-trust.p12} (the CA's certificate, for the server) and, per client name, {@code <name>.p12} (its key
     * with the chain to the CA) and {@code <name>.pem} (its certificate) in {@code dir}.
     */
    public static TestCertificates make(Path dir, String... clients) {
        TestCertificates c = new TestCertificates(dir);
        try {
            Files.createDirectories(dir);
            c.keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", c.file("server.p12"));
            c.keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", c.file("server.p12"), "-file", c.file("server.pem"));
            c.keytool("-importcert", "-noprompt", "-alias", "server", "-file", c.file("server.pem"), "-keystore", c.file("server-trust.p12"));
            c.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=civicgrid test sites CA",
                    "-validity", "2", "-ext", "bc:c", "-keystore", c.file("ca.p12"));
            c.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", c.file("ca.p12"), "-file", c.file("ca.pem"));
            c.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", c.file("ca.pem"), "-keystore", c.file("ca-trust.p12"));
            for (String name : clients) {
                String store = c.file(name + ".p12");
                c.keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name, "-validity", "2",
                        "-keystore", store);
                c.keytool("-certreq", "-alias", name, "-keystore", store, "-file", c.file(name + ".csr"));
                c.keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", c.file("ca.p12"), "-infile", c.file(name + ".csr"), "-outfile",
                        c.file(name + ".pem"), "-validity", "2", "-ext", "EKU=clientAuth");
                c.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", c.file("ca.pem"), "-keystore", store);
                c.keytool("-importcert", "-noprompt", "-alias", name, "-file", c.file(name + ".pem"), "-keystore", store);
            }
        } catch (Exception e) {
            throw new IllegalStateException("test certificates not made in " + dir + ": " + e.getMessage(), e);
        }
        return c;
    }

    /** A set {@link #make} made before. */
    public static TestCertificates at(Path dir) {
        return new TestCertificates(dir);
    }

    /** A file of this set. */
    public Path path(String name) {
        return dir.resolve(name);
    }

    /** The PEM certificate of a client. */
    public String pem(String client) throws Exception {
        return Files.readString(path(client + ".pem"), StandardCharsets.US_ASCII);
    }

    /**
     * An SSL context that trusts the server's certificate and, when {@code client} is not null, presents that client's
     * certificate.
     */
    public SSLContext context(String client) throws Exception {
        KeyManagerFactory keys = null;
        if (client != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(path(client + ".p12")), PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(path("server-trust.p12")));
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return ssl;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(file.toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        if (List.of(args).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", PASSWORD));
        }
        File log = dir.resolve("keytool.log").toFile();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed, see " + log);
        }
    }
}
