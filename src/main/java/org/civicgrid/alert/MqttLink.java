package org.civicgrid.alert;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.civicgrid.appliance.ApplianceConfig;
import org.jboss.logging.Logger;

/**
 * MQTT 链路 — the appliance's connection to the broker: a persistent session (fixed client id, clean session off) so
 * the broker keeps what arrives while we are down; QoS 1 subscriptions to the alert topics with automatic
 * acknowledgement OFF — each message is acknowledged only after {@link AlertIngest} committed it, so a crash or a
 * broker restart redelivers instead of losing. Publishes {@code civicgrid/{siteId}/available} {@code online}
 * (retained), with {@code offline} as last will; reconnects with back-off.
 */
@ApplicationScoped
public class MqttLink {

    private static final Logger LOG = Logger.getLogger(MqttLink.class);

    private final MqttConfig config;
    private final ApplianceConfig appliance;
    private final AlertIngest ingest;
    private final AlertStore store;
    private final Vertx vertx;
    private final Clock clock;
    private final EmbeddedBroker broker;
    private final BrokerCheck check;
    private volatile MqttClient client;
    private volatile Context context;
    private volatile boolean stopping;
    private volatile boolean connected;
    private int failures;

    MqttLink(MqttConfig config, ApplianceConfig appliance, AlertIngest ingest, AlertStore store, Vertx vertx, Clock clock,
            EmbeddedBroker broker, BrokerCheck check) {
        this.check = check;
        this.config = config;
        this.broker = broker;
        this.appliance = appliance;
        this.ingest = ingest;
        this.store = store;
        this.vertx = vertx;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(3000) StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("MQTT link off (civicgrid.mqtt.enabled=false): no camera or drone alerts are received");
            return;
        }
        if (!broker.startIfWanted()) {
            check.checkConfig();
        }
        ingest.replyWith(this::publishReply);
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> connect());
    }

    /** What is wrong with the broker (drops queued alerts, no size limit), for {@code /alerts}. */
    public List<BrokerCheck.Finding> brokerFindings() {
        return check.findings();
    }

    /** Whether the link is up now. */
    public boolean connected() {
        return connected;
    }

    String availabilityTopic() {
        return "civicgrid/" + appliance.siteId() + "/available";
    }

    private void connect() {
        if (stopping) {
            return;
        }
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(config.clientId().orElse("civicgrid-" + appliance.siteId()))
                .setCleanSession(false)
                .setKeepAliveInterval(30)
                .setMaxMessageSize(config.maxMessageBytes())
                .setMaxInflightQueue(Math.max(10, config.maxInflight()))
                .setWillFlag(true)
                .setWillTopic(availabilityTopic())
                .setWillMessageBytes(Buffer.buffer("offline"))
                .setWillQoS(1)
                .setWillRetain(true);
        options.setAutoAck(false);
        config.username().ifPresent(options::setUsername);
        config.password().ifPresent(options::setPassword);
        MqttClient c = MqttClient.create(vertx, options);
        c.publishHandler(this::received);
        c.closeHandler(v -> {
            connected = false;
            if (!stopping) {
                LOG.warnf("MQTT link to %s:%d closed: reconnecting", config.host(), config.port());
                retry();
            }
        });
        c.exceptionHandler(e -> LOG.debugf("MQTT link: %s", e.toString()));
        client = c;
        c.connect(config.port(), config.host()).onSuccess(ack -> {
            failures = 0;
            Map<String, Integer> topics = new LinkedHashMap<>();
            store.adapters().subscriptions().forEach(t -> topics.put(t, 1));
            topics.put(BrokerCheck.DROPPED_TOPIC, 0);
            c.subscribe(topics).onSuccess(id -> {
                connected = true;
                c.publish(availabilityTopic(), Buffer.buffer("online"), MqttQoS.AT_LEAST_ONCE, false, true);
                LOG.infof("MQTT link up: %s:%d, session %s present=%s, listening on %s", config.host(), config.port(), options.getClientId(),
                        ack.isSessionPresent(), topics.keySet());
            }).onFailure(e -> {
                LOG.warnf("MQTT subscribe failed: %s", e.getMessage());
                c.disconnect();
            });
        }).onFailure(e -> {
            LOG.warnf("MQTT broker %s:%d not reachable (%s): retrying", config.host(), config.port(), e.getMessage());
            retry();
        });
    }

    private void retry() {
        long delay = Math.min(10_000, 500L * (1L << Math.min(5, failures++)));
        vertx.setTimer(delay, id -> connect());
    }

    private void received(MqttPublishMessage message) {
        if (message.topicName().startsWith("$SYS/")) {
            check.sys(message.topicName(), message.payload().toString(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        byte[] payload = message.payload().getBytes();
        Context ctx = context;
        MqttClient from = client;
        ingest.offer(new AlertStore.Inbound(message.topicName(), payload, clock.instant(), null),
                message.qosLevel() == MqttQoS.AT_MOST_ONCE ? null : () -> ctx.runOnContext(v -> ack(from, message)), null);
    }

    /**
     * Acknowledges a stored message on the connection it came by. When that connection dropped meanwhile there is
     * nothing to answer: the broker redelivers it in the persistent session and the store finds it stored already.
     */
    private void ack(MqttClient from, MqttPublishMessage message) {
        if (from == client && connected) {
            message.ack();
        }
    }

    private void publishReply(Alert.Reply reply) {
        MqttClient c = client;
        Context ctx = context;
        if (c != null && ctx != null) {
            ctx.runOnContext(v -> c.publish(reply.topic(), Buffer.buffer(reply.payload()), MqttQoS.AT_LEAST_ONCE, false, false));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        MqttClient c = client;
        Context ctx = context;
        if (c == null || ctx == null || !connected) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        ctx.runOnContext(v -> c.publish(availabilityTopic(), Buffer.buffer("offline"), MqttQoS.AT_LEAST_ONCE, false, true)
                .onComplete(r -> c.disconnect().onComplete(d -> done.countDown())));
        try {
            done.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
