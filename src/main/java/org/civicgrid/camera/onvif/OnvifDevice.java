package org.civicgrid.camera.onvif;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * ONVIF 设备 — the few ONVIF operations civicgrid uses on a camera (Profile S/T): device facts, media profiles with
 * their RTSP and snapshot URIs, PTZ presets and the PullPoint event calls; and where the camera records (Profile G)
 * its recordings and their replay URIs. Every method may throw {@link OnvifException}.
 */
public interface OnvifDevice {

    /** GetDeviceInformation. */
    record Info(String manufacturer, String model, String firmwareVersion, String serialNumber, String hardwareId) {
    }

    /** Service addresses from GetServices (or GetCapabilities on older cameras); null where the camera has none. */
    record Services(URI device, URI media, URI media2, URI ptz, URI events, URI recording, URI replay) {

        public Services(URI device, URI media, URI media2, URI ptz, URI events) {
            this(device, media, media2, ptz, events, null, null);
        }

        /** Profile G: the camera keeps recordings and replays them (recording and replay services). */
        public boolean records() {
            return recording != null && replay != null;
        }
    }

    /** A recording on the camera (GetRecordings): its token, the source it records and the kinds of its tracks. */
    record Recording(String token, String sourceId, String sourceName, List<String> trackTypes) {

        public boolean hasVideo() {
            return trackTypes.contains("Video");
        }
    }

    /** A media profile; {@code media2} when it came from the Media2 service (H.265 capable). */
    record Profile(String token, String name, String encoding, Integer width, Integer height, boolean ptz, boolean media2) {
    }

    /** A PTZ preset (its token and the name set on the camera). */
    record Preset(String token, String name) {
    }

    /** A PullPoint subscription: where to pull and until when it lives (camera clock). */
    record Subscription(URI address, Instant currentTime, Instant terminationTime) {
    }

    /** One wsnt:NotificationMessage with its tt:Message. */
    record Notification(String topic, Instant utcTime, String propertyOperation, Map<String, String> source, Map<String, String> data) {

        /** "Initialized" messages restate the current state when a subscription starts; they are not events. */
        public boolean initialState() {
            return "Initialized".equals(propertyOperation);
        }
    }

    /** What PullMessages returned. */
    record Pulled(Instant currentTime, Instant terminationTime, List<Notification> messages) {
    }

    /** GetSystemDateAndTime (no credentials): the camera's UTC clock; also sets the skew used in later digests. */
    Instant systemTime();

    Info deviceInformation();

    Services services();

    /** Media2 profiles when the camera offers Media2, else Media1 profiles. */
    List<Profile> profiles();

    URI streamUri(Profile profile);

    URI snapshotUri(Profile profile);

    List<Preset> presets(String profileToken);

    void gotoPreset(String profileToken, String presetToken);

    Subscription createPullPoint(Duration initialTermination);

    Pulled pullMessages(URI subscription, Duration timeout, int messageLimit);

    /** Renews the subscription; answers the new termination time (camera clock) and the camera's current time. */
    Subscription renew(URI subscription, Duration termination);

    void unsubscribe(URI subscription);

    /** Recording service GetRecordings (Profile G); a FAULT when the camera has no recording service. */
    List<Recording> recordings();

    /** Replay service GetReplayUri: the RTSP URI that replays a recording (the time is chosen by RTSP PLAY's Range). */
    URI replayUri(String recordingToken);
}
