package org.civicgrid.camera.onvif;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * 设备发现 — WS-Discovery: a Probe for {@code dn:NetworkVideoTransmitter} sent to the multicast group
 * 239.255.255.250:3702 (or one address), ProbeMatches collected until the timeout, one entry per device with its
 * XAddrs and what its scopes say (name, hardware, location).
 */
public final class WsDiscovery {

    public static final InetSocketAddress MULTICAST = new InetSocketAddress("239.255.255.250", 3702);

    /** A device that answered: endpoint reference, device service URLs and its scopes. */
    public record Found(String endpoint, List<URI> xaddrs, String name, String hardware, String location, List<String> types) {
    }

    private WsDiscovery() {
    }

    static String probe(String messageId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
                + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action>"
                + "<a:MessageID>" + messageId + "</a:MessageID><a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
                + "</a:Address></a:ReplyTo><a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header>"
                + "<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></s:Envelope>";
    }

    /** Probes {@code target} and collects answers for {@code timeout}. */
    public static List<Found> probe(InetSocketAddress target, Duration timeout) throws IOException {
        String messageId = "uuid:" + UUID.randomUUID();
        byte[] probe = probe(messageId).getBytes(StandardCharsets.UTF_8);
        Map<String, Found> found = new LinkedHashMap<>();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(probe, probe.length, target));
            long end = System.nanoTime() + timeout.toNanos();
            byte[] buffer = new byte[65_535];
            while (true) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                try {
                    for (Found f : parse(Arrays.copyOf(packet.getData(), packet.getLength()), messageId)) {
                        found.putIfAbsent(f.endpoint(), f);
                    }
                } catch (OnvifException notOurs) {
                    // another WS-Discovery message on the group
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The devices of a ProbeMatches message answering {@code messageId} (any, when null). */
    static List<Found> parse(byte[] message, String messageId) {
        Element envelope = SoapXml.parse(message);
        String relatesTo = SoapXml.text(envelope, "RelatesTo");
        if (messageId != null && relatesTo != null && !messageId.equals(relatesTo)) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        for (Element match : SoapXml.all(envelope, "ProbeMatch")) {
            String endpoint = SoapXml.first(match, "EndpointReference").map(e -> SoapXml.text(e, "Address")).orElse(null);
            List<URI> xaddrs = new ArrayList<>();
            for (String x : words(SoapXml.childText(match, "XAddrs"))) {
                try {
                    xaddrs.add(URI.create(x));
                } catch (IllegalArgumentException ignored) {
                    // a broken address among good ones
                }
            }
            String name = null, hardware = null, location = null;
            for (String scope : words(SoapXml.childText(match, "Scopes"))) {
                name = name == null ? scope(scope, "name/") : name;
                hardware = hardware == null ? scope(scope, "hardware/") : hardware;
                location = location == null ? scope(scope, "location/") : location;
            }
            if (!xaddrs.isEmpty()) {
                found.add(new Found(endpoint == null ? xaddrs.get(0).toString() : endpoint, List.copyOf(xaddrs), name, hardware, location,
                        words(SoapXml.childText(match, "Types"))));
            }
        }
        return found;
    }

    private static String scope(String scope, String kind) {
        String prefix = "onvif://www.onvif.org/" + kind;
        return scope.startsWith(prefix) ? URLDecoder.decode(scope.substring(prefix.length()), StandardCharsets.UTF_8) : null;
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }
}
