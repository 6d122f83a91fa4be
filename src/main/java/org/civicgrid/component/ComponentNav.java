package org.civicgrid.component;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 部件管理导航 — the component page, for admins only. */
@ApplicationScoped
class ComponentNav implements NavContribution {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("/admin/components", "nav_components", 918, Set.of(Role.ADMIN)));
    }
}
