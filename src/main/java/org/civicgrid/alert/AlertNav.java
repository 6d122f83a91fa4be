package org.civicgrid.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;

/** 告警导航 — the alert list and review queue after the hotline desk; the rules among the admin pages. */
@ApplicationScoped
class AlertNav implements NavContribution {

    @Override
    public List<NavItem> navItems() {
        return List.of(new NavItem("/alerts", "nav_alerts", 65, Set.of(Role.ACCEPTOR, Role.SHIFT_LEAD, Role.DISPATCHER, Role.LEADER, Role.ADMIN)),
                new NavItem("/admin/alert-rules", "nav_alertRules", 965, Set.of(Role.ADMIN)));
    }
}
