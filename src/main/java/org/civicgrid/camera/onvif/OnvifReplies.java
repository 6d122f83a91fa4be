package org.civicgrid.camera.onvif;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civicgrid.camera.onvif.OnvifDevice.Info;
import org.civicgrid.camera.onvif.OnvifDevice.Notification;
import org.civicgrid.camera.onvif.OnvifDevice.Preset;
import org.civicgrid.camera.onvif.OnvifDevice.Profile;
import org.civicgrid.camera.onvif.OnvifDevice.Pulled;
import org.civicgrid.camera.onvif.OnvifDevice.Recording;
import org.civicgrid.camera.onvif.OnvifDevice.Services;
import org.civicgrid.camera.onvif.OnvifDevice.Subscription;
import org.w3c.dom.Element;

/**
 * ONVIF 应答解析 — reads the body of an ONVIF answer into the {@link OnvifDevice} records: the camera's time, device
 * information, services (or pre-2.0 capabilities), media and media2 profiles, stream and snapshot URIs, presets,
 * subscriptions and pulled notifications. What the camera gets wrong becomes an {@link OnvifException} FAULT.
 */
final class OnvifReplies {

    private OnvifReplies() {
    }

    /** GetSystemDateAndTime: the camera's UTC clock. */
    static Instant systemTime(Element r) {
        Element utc = SoapXml.first(r, "UTCDateTime").orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "no UTCDateTime in GetSystemDateAndTime"));
        Element date = SoapXml.child(utc, "Date").orElseThrow();
        Element time = SoapXml.child(utc, "Time").orElseThrow();
        return LocalDate.of(num(date, "Year"), num(date, "Month"), num(date, "Day"))
                .atTime(LocalTime.of(num(time, "Hour"), num(time, "Minute"), num(time, "Second"))).toInstant(ZoneOffset.UTC);
    }

    static Info deviceInformation(Element r) {
        return new Info(SoapXml.childText(r, "Manufacturer"), SoapXml.childText(r, "Model"), SoapXml.childText(r, "FirmwareVersion"),
                SoapXml.childText(r, "SerialNumber"), SoapXml.childText(r, "HardwareId"));
    }

    /** GetServices; the device service falls back to the one we called. */
    static Services services(Element r, URI deviceService) {
        URI device = null, media = null, media2 = null, ptz = null, events = null, recording = null, replay = null;
        for (Element s : SoapXml.children(r, "Service")) {
            String ns = SoapXml.childText(s, "Namespace");
            URI at = uri(SoapXml.childText(s, "XAddr"));
            switch (ns == null ? "" : ns) {
                case "http://www.onvif.org/ver10/device/wsdl" -> device = at;
                case "http://www.onvif.org/ver10/media/wsdl" -> media = at;
                case HttpOnvifDevice.MEDIA2_NS -> media2 = at;
                case HttpOnvifDevice.PTZ_NS -> ptz = at;
                case HttpOnvifDevice.EVENTS_NS -> events = at;
                case HttpOnvifDevice.RECORDING_NS -> recording = at;
                case HttpOnvifDevice.REPLAY_NS -> replay = at;
                default -> { }
            }
        }
        return new Services(device == null ? deviceService : device, media, media2, ptz, events, recording, replay);
    }

    /** GetCapabilities, for cameras before ONVIF 2.0. */
    static Services capabilities(Element r, URI deviceService) {
        Element caps = SoapXml.child(r, "Capabilities").orElse(r);
        Element extension = SoapXml.child(caps, "Extension").orElse(null); // Recording, Search and Replay live there
        return new Services(deviceService, xaddr(caps, "Media"), null, xaddr(caps, "PTZ"), xaddr(caps, "Events"),
                extension == null ? null : xaddr(extension, "Recording"), extension == null ? null : xaddr(extension, "Replay"));
    }

    private static URI xaddr(Element caps, String service) {
        return SoapXml.child(caps, service).map(e -> uri(SoapXml.childText(e, "XAddr"))).orElse(null);
    }

    /** Media (ver10) GetProfiles. */
    static List<Profile> profiles(Element r) {
        List<Profile> profiles = new ArrayList<>();
        for (Element p : SoapXml.children(r, "Profiles")) {
            Optional<Element> encoder = SoapXml.child(p, "VideoEncoderConfiguration");
            profiles.add(new Profile(p.getAttribute("token"), SoapXml.childText(p, "Name"), encoder.map(e -> SoapXml.childText(e, "Encoding")).orElse(null),
                    encoder.map(e -> optionalNum(e, "Width")).orElse(null), encoder.map(e -> optionalNum(e, "Height")).orElse(null),
                    SoapXml.child(p, "PTZConfiguration").isPresent(), false));
        }
        return profiles;
    }

    /** Media2 (ver20) GetProfiles. */
    static List<Profile> media2Profiles(Element r) {
        List<Profile> profiles = new ArrayList<>();
        for (Element p : SoapXml.children(r, "Profiles")) {
            Optional<Element> configs = SoapXml.child(p, "Configurations");
            Optional<Element> encoder = configs.flatMap(c -> SoapXml.child(c, "VideoEncoder"));
            profiles.add(new Profile(p.getAttribute("token"), SoapXml.childText(p, "Name"), encoder.map(e -> SoapXml.childText(e, "Encoding")).orElse(null),
                    encoder.map(e -> optionalNum(e, "Width")).orElse(null), encoder.map(e -> optionalNum(e, "Height")).orElse(null),
                    configs.flatMap(c -> SoapXml.child(c, "PTZ")).isPresent(), true));
        }
        return profiles;
    }

    /** GetStreamUri and GetSnapshotUri. */
    static URI mediaUri(Element r) {
        return uri(SoapXml.text(r, "Uri"));
    }

    /** Recording service GetRecordings: each RecordingItem's token, its source and the types of its tracks. */
    static List<Recording> recordings(Element r) {
        List<Recording> recordings = new ArrayList<>();
        for (Element item : SoapXml.children(r, "RecordingItem")) {
            String token = SoapXml.childText(item, "RecordingToken");
            if (token == null || token.isEmpty()) {
                continue;
            }
            Optional<Element> source = SoapXml.child(item, "Configuration").flatMap(c -> SoapXml.child(c, "Source"));
            List<String> types = new ArrayList<>();
            SoapXml.child(item, "Tracks").ifPresent(tracks -> SoapXml.children(tracks, "Track").forEach(t -> SoapXml.child(t, "Configuration")
                    .map(c -> SoapXml.childText(c, "TrackType")).ifPresent(types::add)));
            recordings.add(new Recording(token, source.map(s -> SoapXml.childText(s, "SourceId")).orElse(null),
                    source.map(s -> SoapXml.childText(s, "Name")).orElse(null), List.copyOf(types)));
        }
        return recordings;
    }

    static List<Preset> presets(Element r) {
        List<Preset> presets = new ArrayList<>();
        for (Element p : SoapXml.children(r, "Preset")) {
            presets.add(new Preset(p.getAttribute("token"), SoapXml.childText(p, "Name")));
        }
        return presets;
    }

    /** CreatePullPointSubscription. */
    static Subscription subscription(Element r) {
        Element reference = SoapXml.child(r, "SubscriptionReference")
                .orElseThrow(() -> new OnvifException(OnvifException.Kind.FAULT, "no SubscriptionReference in CreatePullPointSubscription"));
        return new Subscription(uri(SoapXml.text(reference, "Address")), instant(SoapXml.childText(r, "CurrentTime")),
                instant(SoapXml.childText(r, "TerminationTime")));
    }

    /** Renew: the same subscription, its new times. */
    static Subscription renewed(URI subscription, Element r) {
        return new Subscription(subscription, instant(SoapXml.childText(r, "CurrentTime")), instant(SoapXml.childText(r, "TerminationTime")));
    }

    /** PullMessages; notifications without a topic or message are skipped. */
    static Pulled pulled(Element r) {
        List<Notification> messages = new ArrayList<>();
        for (Element n : SoapXml.children(r, "NotificationMessage")) {
            String topic = SoapXml.childText(n, "Topic");
            Element message = SoapXml.child(n, "Message").flatMap(m -> SoapXml.child(m, "Message")).orElse(null);
            if (topic == null || message == null) {
                continue;
            }
            String utc = message.getAttribute("UtcTime");
            messages.add(new Notification(topic, utc.isEmpty() ? null : instant(utc), emptyToNull(message.getAttribute("PropertyOperation")),
                    SoapXml.simpleItems(SoapXml.child(message, "Source").orElse(null)), SoapXml.simpleItems(SoapXml.child(message, "Data").orElse(null))));
        }
        return new Pulled(instant(SoapXml.childText(r, "CurrentTime")), instant(SoapXml.childText(r, "TerminationTime")), List.copyOf(messages));
    }

    private static int num(Element parent, String name) {
        return Integer.parseInt(SoapXml.childText(parent, name));
    }

    private static Integer optionalNum(Element parent, String name) {
        String text = SoapXml.text(parent, name);
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static URI uri(String text) {
        if (text == null || text.isBlank()) {
            throw new OnvifException(OnvifException.Kind.FAULT, "the camera gave no address");
        }
        try {
            return URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new OnvifException(OnvifException.Kind.FAULT, "the camera gave a bad address: " + text, e);
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (RuntimeException e) {
            throw new OnvifException(OnvifException.Kind.FAULT, "bad time from the camera: " + text, e);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
