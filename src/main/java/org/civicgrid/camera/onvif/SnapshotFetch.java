package org.civicgrid.camera.onvif;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 抓图 — downloads the JPEG behind a camera's snapshot URI with the camera's credentials: asks without, then answers
 * the camera's challenge with HTTP Digest (RFC 7616, MD5, qop=auth) or Basic, as most cameras want Digest. Each request
 * has a total deadline and a size limit ({@link DeviceCall}).
 */
public final class SnapshotFetch {

    /** The largest snapshot accepted. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final Duration timeout;

    public SnapshotFetch(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** The JPEG bytes; {@link OnvifException} when refused, unreachable or not a JPEG. */
    public byte[] fetch(URI uri, String username, String password) {
        HttpResponse<byte[]> response = get(uri, null);
        if (response.statusCode() == 401 && username != null) {
            String challenge = response.headers().allValues("WWW-Authenticate").stream()
                    .filter(h -> h.regionMatches(true, 0, "Digest", 0, 6)).findFirst()
                    .orElse(response.headers().firstValue("WWW-Authenticate").orElse("Basic"));
            String authorization = challenge.regionMatches(true, 0, "Digest", 0, 6)
                    ? digest(challenge, uri, username, password == null ? "" : password)
                    : "Basic " + Base64.getEncoder().encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
            response = get(uri, authorization);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw OnvifException.notAuthorized();
        }
        if (response.statusCode() != 200) {
            throw new OnvifException(OnvifException.Kind.FAULT, "the camera answered HTTP " + response.statusCode() + " for the snapshot");
        }
        byte[] jpeg = response.body();
        if (jpeg.length < 3 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            throw new OnvifException(OnvifException.Kind.FAULT, "the camera's snapshot is not a JPEG");
        }
        return jpeg;
    }

    private HttpResponse<byte[]> get(URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return DeviceCall.send(http, request.build(), timeout, MAX_BYTES);
    }

    /** The Authorization header answering a Digest challenge for a GET of {@code uri}. */
    static String digest(String challenge, URI uri, String username, String password) {
        Map<String, String> p = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(challenge.substring(6));
        while (m.find()) {
            p.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String realm = p.getOrDefault("realm", "");
        String nonce = p.getOrDefault("nonce", "");
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5("GET:" + path);
        boolean qopAuth = p.containsKey("qop") && p.get("qop").contains("auth");
        StringBuilder header = new StringBuilder("Digest username=\"").append(username).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(path).append('"');
        if (qopAuth) {
            byte[] c = new byte[8];
            RANDOM.nextBytes(c);
            String cnonce = HexFormat.of().formatHex(c);
            String nc = "00000001";
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", response=\"")
                    .append(md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)).append('"');
        } else {
            header.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (p.containsKey("opaque")) {
            header.append(", opaque=\"").append(p.get("opaque")).append('"');
        }
        return header.append(", algorithm=MD5").toString();
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
