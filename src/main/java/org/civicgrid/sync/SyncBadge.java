package org.civicgrid.sync;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;

/**
 * 上报徽标 — {@code {syncstate:badge}} in the page header: the sync state and backlog for admins and leaders when a hub
 * is set (null otherwise, so the header shows nothing). Reads the last computed status only: never blocks.
 */
@TemplateExtension(namespace = "syncstate")
public class SyncBadge {

    private SyncBadge() {
    }

    /** An instant as the site's local date and minute ({@code —} when absent). */
    static String time(java.time.Instant at) {
        if (at == null) {
            return "—";
        }
        java.time.ZoneId zone = Arc.container().instance(java.time.Clock.class).get().getZone();
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(zone));
    }

    static SyncStatus.View badge() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        CurrentUser user = Arc.container().instance(CurrentUser.class).get();
        if (!user.signedIn() || !(user.has(Role.ADMIN) || user.has(Role.LEADER))) {
            return null;
        }
        SyncStatus.View view = Arc.container().instance(SyncStatus.class).get().cached(); // pages may render on the event loop
        return view != null && view.configured() ? view : null;
    }
}
