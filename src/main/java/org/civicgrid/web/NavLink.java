package org.civicgrid.web;

import io.quarkus.qute.TemplateData;

/** 导航链接 — a navigation item as rendered for this request, with whether it is the current section. */
@TemplateData
public record NavLink(String path, String labelKey, boolean active) {
}
