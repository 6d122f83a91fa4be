package org.civicgrid.collector;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 城管通导航 — the collector for inspectors, the patrol tracks for shift leads and leaders. */
@ApplicationScoped
class CollectorNav implements NavContribution {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("/m/", "nav_collector", 62, Set.of(Role.INSPECTOR)),
                new NavItem("/tracks", "nav_tracks", 64, Set.of(Role.SHIFT_LEAD, Role.LEADER)));
    }
}
