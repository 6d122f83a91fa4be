package org.civicgrid.camera.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.testsupport.OnvifResponder;
import org.junit.jupiter.api.Test;

/** WS-Discovery against the recorded probe and ProbeMatch, answered over real UDP on 127.0.0.1. */
class WsDiscoveryTest {

    static final String RECORDED = OnvifResponder.fixture("WSDiscovery-unicast-probe");
    static final String PROBE_MATCH = RECORDED.substring(RECORDED.indexOf("<?xml", RECORDED.indexOf("----- PROBEMATCH"))).trim();
    static final String RECORDED_ID = "uuid:88e81662-6815-4e9e-97be-59d5943f4e96";

    @Test
    void parsesTheRecordedProbeMatch() {
        List<WsDiscovery.Found> found = WsDiscovery.parse(PROBE_MATCH.getBytes(StandardCharsets.UTF_8), RECORDED_ID);
        assertEquals(1, found.size());
        WsDiscovery.Found camera = found.get(0);
        assertEquals("urn:uuid:a2e24385-15ae-cd9f-2a05-d5f574993b33", camera.endpoint());
        assertEquals(List.of(URI.create("http://127.0.0.1:8000/onvif/device_service")), camera.xaddrs());
        assertEquals("IP-Camera", camera.name());
        assertEquals("HI3518C", camera.hardware());
        assertEquals("country/china", camera.location());
        assertEquals(List.of("dn:NetworkVideoTransmitter", "tds:Device"), camera.types());
        assertTrue(WsDiscovery.parse(PROBE_MATCH.getBytes(StandardCharsets.UTF_8), "uuid:someone-else").isEmpty(), "answers to other probes are ignored");
    }

    @Test
    void probesOverUdpAndCollectsTheAnswerOfTheRecordedCamera() throws Exception {
        AtomicReference<String> probe = new AtomicReference<>();
        try (DatagramSocket fakeCamera = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread answer = new Thread(() -> {
                try {
                    byte[] buffer = new byte[8192];
                    DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                    fakeCamera.receive(in);
                    String text = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
                    probe.set(text);
                    Matcher id = Pattern.compile("<a:MessageID>(.*?)</a:MessageID>").matcher(text);
                    id.find();
                    byte[] reply = PROBE_MATCH.replace(RECORDED_ID, id.group(1)).getBytes(StandardCharsets.UTF_8);
                    fakeCamera.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
                    fakeCamera.send(new DatagramPacket(reply, reply.length, in.getSocketAddress())); // devices repeat over UDP
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            answer.start();
            List<WsDiscovery.Found> found = WsDiscovery.probe((InetSocketAddress) fakeCamera.getLocalSocketAddress(), Duration.ofMillis(1500));
            answer.join(2000);
            assertEquals(1, found.size(), "one entry per device");
            assertEquals("IP-Camera", found.get(0).name());
        }
        String sent = probe.get();
        String recordedProbe = RECORDED.substring(RECORDED.indexOf("<?xml"), RECORDED.indexOf("----- PROBEMATCH")).trim();
        assertEquals(recordedProbe.replaceAll("uuid:[0-9a-f-]+", "ID"), sent.replaceAll("uuid:[0-9a-f-]+", "ID"), "the probe is the recorded one");
    }
}
