package org.civicgrid.alert;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.civicgrid.appliance.ApplianceConfig;
import org.jboss.logging.Logger;

/**
 * 内置消息代理 — the built-in MQTT broker (Moquette) for a box without Mosquitto, so the single run command of the
 * README receives camera and drone alerts at once. It listens on the loopback address only ({@code host:port} of
 * {@link MqttConfig}), keeps QoS 1 sessions in the data directory, sends no telemetry, and steps aside when a broker
 * already answers on that port (a box with Mosquitto installed keeps using it).
 */
@ApplicationScoped
class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);

    private final MqttConfig config;
    private final ApplianceConfig appliance;
    private volatile Server server;

    EmbeddedBroker(MqttConfig config, ApplianceConfig appliance) {
        this.config = config;
        this.appliance = appliance;
    }

    /** Starts the broker when configured and the port is free; answers whether this box now runs its own broker. */
    synchronized boolean startIfWanted() {
        if (!config.embedded() || server != null) {
            return server != null;
        }
        if (answers(config.host(), config.port())) {
            LOG.infof("built-in MQTT broker not started: a broker already answers on %s:%d, alerts come through it",
                    config.host(), config.port());
            return false;
        }
        try {
            Path dir = Path.of(appliance.dataDir()).resolve("mqtt");
            Files.createDirectories(dir);
            Properties p = new Properties();
            p.setProperty(IConfig.HOST_PROPERTY_NAME, config.host());
            p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(config.port()));
            p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
            p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
            // mosquitto_pub and many device SDKs connect with an empty client id and a clean session
            p.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "true");
            p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "true");
            p.setProperty(IConfig.DATA_PATH_PROPERTY_NAME, dir.toAbsolutePath().toString());
            p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
            // a publisher's oversized message is refused here, so it never reaches (or blocks) the appliance's session
            p.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(config.brokerMaxMessageBytes()));
            Server s = new Server();
            s.startServer(new MemoryConfig(p));
            server = s;
            LOG.infof("built-in MQTT broker (Moquette) listening on %s:%d, sessions kept in %s", config.host(), config.port(), dir);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.errorf("built-in MQTT broker could not start on %s:%d (%s): connecting there anyway", config.host(), config.port(),
                    e.getMessage());
            return false;
        }
    }

    /** Whether this box runs the broker itself. */
    boolean running() {
        return server != null;
    }

    void onStop(@Observes @Priority(5000) ShutdownEvent event) {
        Server s = server;
        if (s != null) {
            server = null;
            s.stopServer();
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
