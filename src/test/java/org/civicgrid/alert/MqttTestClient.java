package org.civicgrid.alert;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A device or NVR on the real broker: publishes QoS 1 (waits for PUBACK) and records what arrives on its subscriptions. */
final class MqttTestClient implements AutoCloseable {

    record Received(String topic, String payload, boolean retained) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final MqttClient client;
    final List<Received> received = new CopyOnWriteArrayList<>();

    MqttTestClient(int port) {
        MqttClientOptions options = new MqttClientOptions().setClientId("test-" + UUID.randomUUID()).setCleanSession(true)
                .setMaxInflightQueue(2000);
        client = MqttClient.create(vertx, options);
        client.publishHandler(m -> received.add(new Received(m.topicName(), m.payload().toString(), m.isRetain())));
        await(client.connect(port, "127.0.0.1"));
    }

    void publish(String topic, byte[] payload) {
        await(client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false));
    }

    /** Publishes all at once (up to the in-flight window), then waits for every PUBACK: a burst. */
    void publishBurst(String topic, List<String> payloads) {
        List<io.vertx.core.Future<Integer>> sent = payloads.stream()
                .map(p -> client.publish(topic, Buffer.buffer(p), MqttQoS.AT_LEAST_ONCE, false, false)).toList();
        sent.forEach(MqttTestClient::await);
    }

    void publish(String topic, String payload) {
        publish(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void subscribe(String topic) {
        await(client.subscribe(topic, 1));
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("MQTT: " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            await(client.disconnect());
        } catch (RuntimeException e) {
            // already gone
        }
        vertx.close();
    }
}
