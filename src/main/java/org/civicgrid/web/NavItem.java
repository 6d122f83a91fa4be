package org.civicgrid.web;

import java.util.Set;
import org.civicgrid.org.Role;

/**
 * 导航项 — one entry of the main navigation: path, message key of its label (in the {@code msg} bundle), sort
 * order and the roles that see it (empty: every signed-in user).
 */
public record NavItem(String path, String labelKey, int order, Set<Role> roles) {

    public boolean visibleTo(Set<Role> held) {
        return roles.isEmpty() || roles.stream().anyMatch(held::contains);
    }
}
