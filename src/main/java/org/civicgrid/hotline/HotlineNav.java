package org.civicgrid.hotline;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 热线导航 — the hotline desk, for acceptors and shift leads, right after the case list. */
@ApplicationScoped
class HotlineNav implements NavContribution {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("/hotline", "nav_hotline", 60, Set.of(Role.ACCEPTOR, Role.SHIFT_LEAD)));
    }
}
