package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 案卷导航 — the case list, for every staff role, right after the workbench. */
@ApplicationScoped
class CaseNav implements NavContribution {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("/cases", "nav_cases", 50, Set.of()));
    }
}
