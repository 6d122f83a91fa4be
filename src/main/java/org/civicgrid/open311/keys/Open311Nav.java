package org.civicgrid.open311.keys;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** Open311 导航 — the API key page, for admins. */
@ApplicationScoped
class Open311Nav implements NavContribution {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("/admin/open311-keys", "nav_open311", 960, Set.of(Role.ADMIN)));
    }
}
