package org.civicgrid.map.tiles;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 底图页面参数 — {@code {basemap:json}} in the head of every page ({@code <meta name="civicgrid-basemap">}): the base map
 * the page's maps draw, read by {@code web/map/basemap.js}. Reads only what is in memory (pages may render on the event
 * loop): the saved setting and the archive last opened.
 */
@TemplateExtension(namespace = "basemap")
public class BaseMapTag {

    private BaseMapTag() {
    }

    static String json() {
        BaseMapSetting setting = Arc.container().instance(BaseMapSettings.class).get().current();
        TileArchives archives = Arc.container().instance(TileArchives.class).get();
        Map<String, Object> out = new LinkedHashMap<>();
        if (setting.online()) {
            out.put("mode", "xyz");
            out.put("url", setting.tileUrl());
            out.put("labelUrl", setting.labelUrl());
            out.put("subdomains", setting.subdomains());
            out.put("crs", setting.crs().name());
            out.put("attribution", setting.attribution());
        } else {
            TileArchives.Summary s = archives.summary();
            out.put("mode", "vector");
            out.put("tiles", "/api/public/basemap/tiles/{z}/{x}/{y}.pbf?v=" + s.version());
            out.put("minZoom", s.minZoom());
            out.put("maxZoom", s.maxZoom());
            out.put("crs", "WGS84");
        }
        return out.entrySet().stream().map(e -> quote(e.getKey()) + ":" + (e.getValue() instanceof Number n ? n.toString()
                : quote(String.valueOf(e.getValue())))).collect(Collectors.joining(",", "{", "}"));
    }

    static String quote(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                q.append('\\').append(ch);
            } else if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&') {
                q.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                q.append(ch);
            }
        }
        return q.append('"').toString();
    }
}
