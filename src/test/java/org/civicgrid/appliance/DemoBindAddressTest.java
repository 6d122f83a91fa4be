package org.civicgrid.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Demo mode binds to loopback unless the operator chose an address; production binds as configured. */
class DemoBindAddressTest {

    /** Quarkus' own default for the HTTP host, as a low-ordinal defaults source. */
    private static final Map<String, String> QUARKUS_DEFAULT = Map.of("quarkus.http.host", "0.0.0.0");

    @Test
    void demoWithoutAChosenHostListensOnLoopbackOnly() {
        assertEquals("127.0.0.1", host(Map.of(), Map.of()));
        assertEquals("127.0.0.1", host(Map.of("civicgrid.demo", "true"), Map.of()));
    }

    @Test
    void demoWithAHostTheOperatorSetListensThere() {
        assertEquals("0.0.0.0", host(Map.of(), Map.of("quarkus.http.host", "0.0.0.0")));
        assertEquals("192.168.1.20", host(Map.of(), Map.of("quarkus.http.host", "192.168.1.20")));
    }

    @Test
    void productionBindsAsConfigured() {
        assertEquals("0.0.0.0", host(Map.of("civicgrid.demo", "false"), Map.of()));
        assertEquals("127.0.0.1", host(Map.of("civicgrid.demo", "false"), Map.of("quarkus.http.host", "127.0.0.1")));
    }

    @Test
    void theNoticeKnowsLoopbackAddresses() {
        assertTrue(DemoModeNotice.loopback("127.0.0.1"));
        assertTrue(DemoModeNotice.loopback("localhost"));
        assertTrue(!DemoModeNotice.loopback("0.0.0.0"));
    }

    /** {@code site} at the rank of application.properties (250), {@code operator} at the rank of -D (400). */
    private static String host(Map<String, String> site, Map<String, String> operator) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(QUARKUS_DEFAULT, "defaults", Integer.MIN_VALUE))
                .withSources(new PropertiesConfigSource(site, "application.properties", 250))
                .withSources(new PropertiesConfigSource(operator, "system", 400))
                .withInterceptors(new DemoBindAddress())
                .build();
        return config.getValue("quarkus.http.host", String.class);
    }
}
