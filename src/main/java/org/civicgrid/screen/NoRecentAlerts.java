package org.civicgrid.screen;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** No alert feature installed: the panel shows none. */
@DefaultBean
@ApplicationScoped
class NoRecentAlerts implements RecentAlerts {

    @Override
    public List<Line> recent(int limit) {
        return List.of();
    }
}
