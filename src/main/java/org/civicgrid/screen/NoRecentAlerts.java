package org.civicgrid.screen;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/** No alert feature installed: the panel shows none. */
@DefaultBean
@ApplicationScoped
class NoRecentAlerts implements RecentAlerts {

    @Override
    public List<Line> recent(int limit, Locale locale) {
        return List.of();
    }
}
