package org.civicgrid.map;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 地图导航 — the map, for every signed-in user, right after the workbench. */
@ApplicationScoped
class MapNav implements NavContribution {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("/map", "nav_map", 100, Set.of()));
    }
}
