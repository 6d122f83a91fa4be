package org.civicgrid.demo;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;

/**
 * 演示数据提示 — {@code {demodata:preparing}} (the county is still being loaded: the login page says so and refreshes)
 * and {@code {demodata:history}} (the history generator's progress, for admins and leaders; null otherwise).
 */
@TemplateExtension(namespace = "demodata")
public class DemoNotice {

    private DemoNotice() {
    }

    static boolean preparing() {
        return Arc.container().instance(DemoPreparation.class).get().preparing();
    }

    static DemoHistory.Progress history() {
        DemoPreparation preparation = Arc.container().instance(DemoPreparation.class).get();
        if (preparation.phase() != DemoPreparation.Phase.HISTORY || !Arc.container().requestContext().isActive()) {
            return null;
        }
        CurrentUser user = Arc.container().instance(CurrentUser.class).get();
        return user.signedIn() && (user.has(Role.ADMIN) || user.has(Role.LEADER)) ? preparation.historyProgress() : null;
    }
}
