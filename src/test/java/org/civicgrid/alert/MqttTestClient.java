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

/**
 * A device or NVR on the real broker: publishes QoS 1 and waits for the broker's PUBACK (as a real device keeps a
 * message until it is acknowledged), and records what arrives on its subscriptions. Vert.x completes a publish's
 * future when the packet is written, not when it is acknowledged: a test that stopped the broker right after such a
 * "sent" publish could lose a message no real QoS 1 device would lose (AlertBrokerRestartTest, 399 of 400 at load 16).
 */
final class MqttTestClient implements AutoCloseable {

    record Received(String topic, String payload, boolean retained) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final MqttClient client;
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Object acks = new Object();
    private long sent;
    private long acknowledged;

    MqttTestClient(int port) {
        MqttClientOptions options = new MqttClientOptions().setClientId("test-" + UUID.randomUUID()).setCleanSession(true)
                .setMaxInflightQueue(2000);
        client = MqttClient.create(vertx, options);
        client.publishHandler(m -> received.add(new Received(m.topicName(), m.payload().toString(), m.isRetain())));
        client.publishCompletionHandler(packetId -> {
            synchronized (acks) {
                acknowledged++;
                acks.notifyAll();
            }
        });
        await(client.connect(port, "127.0.0.1"));
    }

    void publish(String topic, byte[] payload) {
        long n = countSent(1);
        await(client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false));
        awaitAcknowledged(n);
    }

    /** Publishes all at once (up to the in-flight window), then waits for every PUBACK: a burst. */
    void publishBurst(String topic, List<String> payloads) {
        long n = countSent(payloads.size());
        List<io.vertx.core.Future<Integer>> written = payloads.stream()
                .map(p -> client.publish(topic, Buffer.buffer(p), MqttQoS.AT_LEAST_ONCE, false, false)).toList();
        written.forEach(MqttTestClient::await);
        awaitAcknowledged(n);
    }

    private long countSent(int messages) {
        synchronized (acks) {
            sent += messages;
            return sent;
        }
    }

    /** Waits until the broker acknowledged n publishes in all (it acknowledges a client's QoS 1 messages in order). */
    private void awaitAcknowledged(long n) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (acks) {
            while (acknowledged < n) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("MQTT: " + (n - acknowledged) + " publishes not acknowledged within 30 s");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(acks, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("MQTT: interrupted while waiting for PUBACK", e);
                }
            }
        }
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
