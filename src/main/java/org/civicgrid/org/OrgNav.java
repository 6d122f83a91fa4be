package org.civicgrid.org;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 组织管理导航 — the organisation admin pages, for admins only. */
@ApplicationScoped
class OrgNav implements NavContribution {

    @Override
    public List<NavItem> navItems() {
        return List.of(
                new NavItem("/admin/departments", "nav_departments", 900, Set.of(Role.ADMIN)),
                new NavItem("/admin/staff", "nav_staff", 910, Set.of(Role.ADMIN)),
                new NavItem("/admin/regions", "nav_regions", 920, Set.of(Role.ADMIN)));
    }
}
