package org.civicgrid.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A box shutting down stops Mosquitto as well: while the broker is gone the appliance says so in one WARN line per
 * attempt, with no ERROR and no stack trace (Vert.x' MQTT client logged one per reconnect attempt).
 */
@QuarkusTest
@TestProfile(AlertBrokerRestartTest.OwnBroker.class)
class BrokerGoneLogTest {

    @Test
    void aMissingBrokerIsReportedWithoutErrorsOrStackTraces() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            Instant until = Instant.now().plusSeconds(60);
            while (retries(records) < 2 && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            assertEquals(2, Math.min(2, retries(records)), "the link reports its retries while no broker answers");
            List<String> errors = records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() || r.getThrown() != null)
                    .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
            assertEquals(List.of(), errors);
        } finally {
            root.removeHandler(handler);
        }
    }

    private static long retries(List<LogRecord> records) {
        return records.stream().filter(r -> r.getLoggerName().endsWith("MqttLink") && String.valueOf(r.getMessage()).contains("not reachable")).count();
    }
}
