package org.civicgrid.grid;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 网格管理导航 — the unit grid page, for admins only. */
@ApplicationScoped
class GridNav implements NavContribution {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("/admin/grids", "nav_grids", 915, Set.of(Role.ADMIN)));
    }
}
