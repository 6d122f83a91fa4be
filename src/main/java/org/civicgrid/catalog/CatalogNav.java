package org.civicgrid.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 分类管理导航 — the class catalog and filing standards page, for admins only. */
@ApplicationScoped
class CatalogNav implements NavContribution {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("/admin/catalog", "nav_catalog", 925, Set.of(Role.ADMIN)));
    }
}
