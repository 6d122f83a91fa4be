package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker that drops queued alerts or passes any size is found: in its configuration, and by its $SYS dropped counter. */
class BrokerCheckTest {

    private static List<String> codes(List<BrokerCheck.Finding> findings) {
        return findings.stream().map(BrokerCheck.Finding::code).toList();
    }

    @Test
    void stockMosquittoDropsQueuedAlertsAndPassesAnySize() {
        assertEquals(List.of("QUEUE_LIMIT", "NO_SIZE_LIMIT"), codes(BrokerCheck.judge(Map.of("persistence", "true"), 100_000)));
        assertEquals("max_queued_messages 1000 < 100000", BrokerCheck.judge(Map.of(), 100_000).get(0).detail(), "Mosquitto's default");
    }

    @Test
    void theRecommendedSettingsPass() throws Exception {
        Path recommended = Path.of("device-config/mosquitto-recommended.conf");
        assertEquals(List.of(), BrokerCheck.judge(settings(recommended), 100_000));
        assertEquals(List.of(), BrokerCheck.judge(Map.of("max_queued_messages", "0", "max_packet_size", "1048576"), 100_000), "0 = no queue limit");
    }

    @Test
    void aConfigurationAndItsIncludeDirAreReadAndTheDroppedCounterIsReported(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("mosquitto.conf");
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(conf, "persistence true\ninclude_dir " + dir.resolve("conf.d") + "\n");
        Files.writeString(dir.resolve("conf.d/civicgrid.conf"), "max_queued_messages 5000\nmessage_size_limit 1048576\n");
        BrokerCheck check = new BrokerCheck(config(conf));
        check.checkConfig();
        assertEquals(List.of(new BrokerCheck.Finding("QUEUE_LIMIT", "max_queued_messages 5000 < 100000")), check.findings());

        check.sys(BrokerCheck.DROPPED_TOPIC, "0");
        assertEquals(1, check.findings().size(), "nothing dropped yet");
        check.sys(BrokerCheck.DROPPED_TOPIC, "1327");
        assertEquals(new BrokerCheck.Finding("DROPPED", "1327"), check.findings().get(1));
    }

    private static Map<String, String> settings(Path file) throws Exception {
        Map<String, String> s = new java.util.HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                String[] kv = t.split("\\s+", 2);
                s.put(kv[0], kv[1]);
            }
        }
        return s;
    }

    private static MqttConfig config(Path brokerConfig) {
        return (MqttConfig) java.lang.reflect.Proxy.newProxyInstance(MqttConfig.class.getClassLoader(), new Class<?>[] {MqttConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "brokerConfig" -> brokerConfig.toString();
                    case "requiredQueuedMessages" -> 100_000;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
