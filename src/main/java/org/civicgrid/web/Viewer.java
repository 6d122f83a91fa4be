package org.civicgrid.web;

import io.quarkus.qute.TemplateData;
import java.util.List;
import org.civicgrid.org.Role;

/** 访问者 — the signed-in user as pages see them (a plain value, safe to render). */
@TemplateData
public record Viewer(boolean signedIn, String username, String displayName, List<Role> roles) {

    public boolean hasRole(String role) {
        return roles.stream().anyMatch(r -> r.name().equals(role));
    }
}
