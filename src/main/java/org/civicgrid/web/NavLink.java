package org.civicgrid.web;

import io.quarkus.qute.TemplateData;

/** 导航链接 — a navigation item as rendered for this request, with whether it is the current section. */
@TemplateData
public record NavLink(String path, String labelKey, boolean active) {

    /** An admin page ({@code /admin/…}): the top bar groups these under 系统管理 so every item shows at 1366×768. */
    public boolean admin() {
        return path.startsWith("/admin/");
    }
}
