package org.civicgrid.map.tiles;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.civicgrid.grid.Crs;
import org.civicgrid.web.Problem;

/**
 * 底图设置 — the base map every map page draws under its data: an XYZ tile server (an intranet GIS or 天地图 with the
 * site's key) with an optional annotation layer (天地图 注记), its coordinate system (WGS84/CGCS2000 or GCJ-02: the
 * browser shifts the box's WGS84 data onto GCJ-02 tiles) and attribution; or, with no URL, the box's offline vector
 * tiles. {@link #of} is the one place the rules for a tile URL live.
 */
public record BaseMapSetting(String tileUrl, String labelUrl, String subdomains, Crs crs, String attribution) {

    /** No tile server: the offline base map. */
    static final BaseMapSetting OFFLINE = new BaseMapSetting("", "", "abc", Crs.WGS84, "");

    private static final int MAX_URL = 500;
    private static final Pattern SUBDOMAINS = Pattern.compile("[a-z0-9]{1,16}");
    private static final Pattern UNSAFE = Pattern.compile("[\\s\"'<>\\\\`]");

    public boolean online() {
        return !tileUrl.isEmpty();
    }

    /** Checks and normalises what the admin entered; a 400 {@link Problem} names the field at fault. */
    static BaseMapSetting of(String tileUrl, String labelUrl, String subdomains, String crs, String attribution) {
        String url = checkedUrl("tileUrl", tileUrl);
        String label = checkedUrl("labelUrl", labelUrl);
        if (url.isEmpty() && !label.isEmpty()) {
            throw Problem.badRequest("labelUrl", "an annotation layer needs a tile URL");
        }
        String subs = subdomains == null || subdomains.isBlank() ? "abc" : subdomains.trim().toLowerCase(Locale.ROOT);
        if (!SUBDOMAINS.matcher(subs).matches()) {
            throw Problem.badRequest("subdomains", "use 1 to 16 letters or digits, e.g. abc or 01234567");
        }
        String notice = attribution == null ? "" : attribution.strip();
        if (notice.length() > 200) {
            throw Problem.badRequest("attribution", "use at most 200 characters");
        }
        return new BaseMapSetting(url, label, subs, url.isEmpty() ? Crs.WGS84 : Crs.parse(crs), notice);
    }

    /** An XYZ template: http or https with a host, {@code {z}}, {@code {x}} and {@code {y}}; blank allowed (none). */
    static String checkedUrl(String field, String value) {
        String url = value == null ? "" : value.trim();
        if (url.isEmpty()) {
            return "";
        }
        if (url.length() > MAX_URL || UNSAFE.matcher(url).find()) {
            throw Problem.badRequest(field, "write the URL without spaces or quotes, at most " + MAX_URL + " characters");
        }
        if (!url.contains("{z}") || !url.contains("{x}") || !url.contains("{y}")) {
            throw Problem.badRequest(field, "the URL must contain {z}, {x} and {y}");
        }
        try {
            URI uri = new URI(url.replace("{", "%7B").replace("}", "%7D"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null && uri.getAuthority() == null) {
                throw Problem.badRequest(field, "use an http:// or https:// URL");
            }
        } catch (URISyntaxException e) {
            throw Problem.badRequest(field, "not a valid URL");
        }
        return url;
    }
}
