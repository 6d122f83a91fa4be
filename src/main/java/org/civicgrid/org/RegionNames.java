package org.civicgrid.org;

import io.quarkus.qute.TemplateExtension;

/**
 * 区域名称 — {@code {area:name(code)}} in templates: the street's or community's name for its code (empty if unknown),
 * shown next to the code wherever a person reads it.
 */
@TemplateExtension(namespace = "area")
public final class RegionNames {

    private RegionNames() {
    }

    static String name(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return Region.byCode(code).map(r -> r.name).orElse("");
    }
}
