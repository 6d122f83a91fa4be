package org.civicgrid.appliance;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 演示模式提示 — says at start-up where a demo box listens: on loopback only (see {@link DemoBindAddress}) or, when
 * the operator opened it, on the network with the published demo passwords.
 */
@ApplicationScoped
class DemoModeNotice {

    private static final Logger LOG = Logger.getLogger(DemoModeNotice.class);

    private final ApplianceConfig appliance;
    private final String host;

    DemoModeNotice(ApplianceConfig appliance, @ConfigProperty(name = DemoBindAddress.HOST) String host) {
        this.appliance = appliance;
        this.host = host;
    }

    void onStart(@Observes StartupEvent event) {
        if (!appliance.demo()) {
            return;
        }
        if (loopback(host)) {
            LOG.infof("Demo mode: listening on %s only, because the demo accounts' password is published. "
                    + "Start with -Dquarkus.http.host=0.0.0.0 to let other machines in; set civicgrid.demo=false for a real site.", host);
        } else {
            LOG.warnf("Demo mode listening on %s: anyone who reaches this address can sign in with the published demo passwords. "
                    + "Set civicgrid.demo=false for a real site.", host);
        }
    }

    static boolean loopback(String host) {
        return "localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "::1".equals(host) || "[::1]".equals(host);
    }
}
