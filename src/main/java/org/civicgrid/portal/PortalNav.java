package org.civicgrid.portal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 门户导航 — the moderation of public reports, for acceptors and shift leads. */
@ApplicationScoped
class PortalNav implements NavContribution {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("/moderation", "nav_moderation", 66, Set.of(Role.ACCEPTOR, Role.SHIFT_LEAD)));
    }
}
