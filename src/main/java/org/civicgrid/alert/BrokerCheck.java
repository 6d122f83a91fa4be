package org.civicgrid.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * 消息代理检查 — finds a broker that will lose or block alerts and says so on {@code /alerts}: at start it reads the
 * local Mosquitto's configuration (a queue limit below what the documented outage needs — Mosquitto's default
 * {@code max_queued_messages 1000} drops QoS 1 messages for our session while we are down — or no
 * {@code message_size_limit}); while connected it reads the broker's {@code $SYS/broker/publish/messages/dropped}
 * counter, which Mosquitto publishes once it has dropped a message for queue or in-flight limits.
 */
@ApplicationScoped
public class BrokerCheck {

    /** The $SYS counter of messages the broker dropped for its queue and in-flight limits. */
    static final String DROPPED_TOPIC = "$SYS/broker/publish/messages/dropped";
    private static final Logger LOG = Logger.getLogger(BrokerCheck.class);

    /** One finding: {@code code} names it (QUEUE_LIMIT, NO_SIZE_LIMIT, DROPPED), {@code detail} gives the numbers. */
    public record Finding(String code, String detail) {
    }

    private final MqttConfig config;
    private final Map<String, Finding> findings = new LinkedHashMap<>();

    BrokerCheck(MqttConfig config) {
        this.config = config;
    }

    /** What is wrong with the broker, as far as known; empty when nothing is. */
    public synchronized List<Finding> findings() {
        return List.copyOf(findings.values());
    }

    /** Reads the broker's configuration file (and its {@code include_dir}) when this box can read it. */
    synchronized void checkConfig() {
        Path file = Path.of(config.brokerConfig());
        if (!Files.isReadable(file)) {
            return;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            read(file, settings);
            String dir = settings.get("include_dir");
            if (dir != null && Files.isDirectory(Path.of(dir))) {
                try (Stream<Path> files = Files.list(Path.of(dir))) {
                    for (Path conf : files.filter(p -> p.toString().endsWith(".conf")).sorted().toList()) {
                        read(conf, settings);
                    }
                }
            }
        } catch (IOException e) {
            LOG.debugf("broker configuration %s not read: %s", file, e.getMessage());
            return;
        }
        findings.remove("QUEUE_LIMIT");
        findings.remove("NO_SIZE_LIMIT");
        for (Finding f : judge(settings, config.requiredQueuedMessages())) {
            findings.put(f.code(), f);
            LOG.warnf("MQTT broker (%s): %s %s", file, f.code(), f.detail());
        }
    }

    /** The findings for a Mosquitto configuration's settings (pure, for the tests). */
    static List<Finding> judge(Map<String, String> settings, int requiredQueue) {
        List<Finding> out = new ArrayList<>();
        long queued = number(settings.getOrDefault("max_queued_messages", "1000"));
        if (queued > 0 && queued < requiredQueue) {
            out.add(new Finding("QUEUE_LIMIT", "max_queued_messages " + queued + " < " + requiredQueue));
        }
        if (number(settings.getOrDefault("message_size_limit", "0")) <= 0 && number(settings.getOrDefault("max_packet_size", "0")) <= 0) {
            out.add(new Finding("NO_SIZE_LIMIT", "message_size_limit 0"));
        }
        return out;
    }

    /** A value the broker published on a $SYS topic we follow. */
    synchronized void sys(String topic, String value) {
        if (DROPPED_TOPIC.equals(topic)) {
            long dropped = number(value.trim());
            if (dropped > 0) {
                Finding before = findings.put("DROPPED", new Finding("DROPPED", Long.toString(dropped)));
                if (before == null || !before.detail().equals(Long.toString(dropped))) {
                    LOG.warnf("MQTT broker reports %d dropped messages (queue or in-flight limits): alerts may have been lost", dropped);
                }
            }
        }
    }

    private static void read(Path file, Map<String, String> settings) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] kv = t.split("\\s+", 2);
            settings.put(kv[0], kv.length > 1 ? kv[1].strip() : "");
        }
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
