package org.civicgrid.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * 网格导入命令 — {@code import-grids} of the operator CLI: a GeoJSON FeatureCollection, or a CSV with the columns
 * {@code code, name, wkt} (WGS84 polygons as WKT, optional {@code validFrom, validTo}) turned into one with JTS, sent to
 * the running appliance's own grid import ({@code POST /api/grids/import}: the same checks of code, community,
 * polygon, county and overlaps as the admin page) as an administrator. Its report is printed.
 */
final class CliGridImport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;

    CliGridImport(PrintStream out) {
        this.out = out;
    }

    /** Reads a .geojson/.json file as it is, a .csv file through WKT; the collection to send. */
    static JsonNode collection(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".csv")) {
            return JSON.readTree(file.toFile());
        }
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        GeoJsonWriter geojson = new GeoJsonWriter(7);
        geojson.setEncodeCRS(false);
        WKTReader wkt = new WKTReader();
        CsvSchema header = CsvSchema.emptySchema().withHeader();
        try (InputStream in = Files.newInputStream(file);
                MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class).with(header).readValues(skipBom(in))) {
            int line = 1;
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                line++;
                String text = first(row, "wkt", "geometry", "WKT", "几何");
                if (text == null) {
                    throw new IOException(file + " line " + line + ": no wkt column (the columns are code, name, wkt[, validFrom, validTo])");
                }
                Geometry geometry;
                try {
                    geometry = wkt.read(text);
                } catch (ParseException e) {
                    throw new IOException(file + " line " + line + ": unreadable WKT: " + e.getMessage());
                }
                ObjectNode feature = features.addObject().put("type", "Feature");
                ObjectNode properties = feature.putObject("properties");
                properties.put("code", first(row, "code", "网格编码"));
                properties.put("name", first(row, "name", "网格名称"));
                String from = first(row, "validFrom", "valid_from");
                String to = first(row, "validTo", "valid_to");
                if (from != null) {
                    properties.put("validFrom", from);
                }
                if (to != null) {
                    properties.put("validTo", to);
                }
                feature.set("geometry", JSON.readTree(geojson.write(geometry)));
            }
        }
        return collection;
    }

    /** Posts the collection; 0 when every feature was imported, 1 when some were rejected or the server refused. */
    int send(JsonNode collection, URI base, String username, String password, Path trustCert, boolean replace)
            throws IOException, GeneralSecurityException, InterruptedException {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (trustCert != null) {
            client.sslContext(pinned(trustCert));
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/grids/import?replace=" + replace))
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(collection))).build();
        HttpResponse<String> response = client.build().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            out.println("refused (" + response.statusCode() + "): " + response.body());
            return 1;
        }
        JsonNode report = JSON.readTree(response.body());
        out.printf("imported %d of %d grids; %d rejected, %d overlaps, %d gaps%n", report.path("imported").asInt(),
                collection.path("features").size(), report.path("rejected").size(), report.path("overlaps").size(), report.path("gaps").size());
        for (JsonNode r : report.path("rejected")) {
            out.printf("  rejected #%d %s: %s%n", r.path("index").asInt(), r.path("code").asText(""), r.path("reason").asText());
        }
        return report.path("rejected").isEmpty() ? 0 : 1;
    }

    /** Trusts exactly the site's certificate (the installer's self-signed one or the site's own). */
    private static SSLContext pinned(Path pem) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        int i = 0;
        try (InputStream in = Files.newInputStream(pem)) {
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("site-" + i++, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }

    private static String first(Map<String, String> row, String... names) {
        for (String name : names) {
            String v = row.get(name);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 3);
        byte[] head = p.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            p.unread(head);
        }
        return p;
    }
}
