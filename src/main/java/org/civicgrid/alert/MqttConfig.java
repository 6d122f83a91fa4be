package org.civicgrid.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** MQTT 连接配置 — the broker the appliance listens to for alerts (API.md "Configuration keys"). */
@ConfigMapping(prefix = "civicgrid.mqtt")
public interface MqttConfig {

    /** Connect to the broker at all (tests switch it off unless they need the broker). */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("1883")
    int port();

    Optional<String> username();

    /** Kept in device-config (readable by the service user only), never logged. */
    Optional<String> password();

    /** Fixed client id of the persistent session (default {@code civicgrid-<site-id>}). */
    Optional<String> clientId();

    /**
     * Run the built-in broker (Moquette, {@link EmbeddedBroker}) on host:port when no broker answers there — the one-box
     * demo without Mosquitto. A box with Mosquitto keeps using it; production installs set it false.
     */
    @WithDefault("true")
    boolean embedded();

    /** Frigate's topic prefix ({@code frigate} → {@code frigate/reviews}, {@code frigate/events}). */
    @WithDefault("frigate")
    String frigatePrefix();

    /** DJI Cloud API prefix ({@code thing/product} → {@code thing/product/+/events}). */
    @WithDefault("thing/product")
    String djiPrefix();

    /** Our JSON alerts ({@code civicgrid/alerts} → {@code civicgrid/alerts/{deviceId}}). */
    @WithDefault("civicgrid/alerts")
    String genericPrefix();

    /**
     * Largest MQTT message the client decodes (the store keeps at most {@code civicgrid.alerts.max-payload-bytes} of it
     * and rejects it). Must be above what the broker forwards: a larger message breaks the link and the broker
     * redelivers it on every reconnect, stopping intake for good. The default is the MQTT maximum (256 MB), so no
     * broker can send more; the broker's own limit ({@link #brokerMaxMessageBytes()}) keeps what arrives small.
     */
    @WithDefault("268435455")
    int maxMessageBytes();

    /**
     * Largest message the built-in broker accepts from a publisher (larger ones are refused at the broker); the
     * value the box's Mosquitto should use as {@code message_size_limit} (device-config/mosquitto-recommended.conf).
     */
    @WithDefault("1048576")
    int brokerMaxMessageBytes();

    /**
     * The local Mosquitto's configuration, read at start (when readable) to warn on {@code /alerts} about settings
     * that drop or break alerts: a queue limit below {@link #requiredQueuedMessages()}, no message size limit.
     */
    @WithDefault("/etc/mosquitto/mosquitto.conf")
    String brokerConfig();

    /**
     * Messages the broker must be able to queue for the appliance while it is down (the outage the box survives,
     * e.g. 10 minutes of a 100-alerts-per-second storm); Mosquitto's default {@code max_queued_messages 1000} drops the rest.
     */
    @WithDefault("100000")
    int requiredQueuedMessages();

    /** Messages the broker may have in flight to us unacknowledged (our client's view). */
    @WithDefault("1000")
    int maxInflight();
}
