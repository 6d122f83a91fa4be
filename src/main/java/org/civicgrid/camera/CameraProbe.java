package org.civicgrid.camera;

import java.net.URI;
import java.util.List;
import org.civicgrid.camera.onvif.OnvifDevice;
import org.civicgrid.camera.onvif.OnvifDevice.Info;
import org.civicgrid.camera.onvif.OnvifDevice.Preset;
import org.civicgrid.camera.onvif.OnvifDevice.Profile;
import org.civicgrid.camera.onvif.OnvifException;
import org.civicgrid.web.Problem;

/**
 * 设备探测 — asks a camera what it is (GetDeviceInformation), its media profiles (Media2 first), the RTSP and snapshot
 * URIs of the chosen profile and its PTZ presets. Network only; the registry stores the answer.
 */
final class CameraProbe {

    /** What a camera said about itself. */
    record Result(Info info, List<Profile> profiles, Profile chosen, URI streamUri, URI snapshotUri, List<Preset> presets) {
    }

    private CameraProbe() {
    }

    /** Probes, keeping {@code wantedProfile} when the camera still has it, else its first profile. */
    static Result run(OnvifDevice device, String wantedProfile) {
        Info info = device.deviceInformation();
        List<Profile> profiles = device.profiles();
        if (profiles.isEmpty()) {
            throw new OnvifException(OnvifException.Kind.FAULT, "the camera has no media profile");
        }
        Profile chosen = profiles.stream().filter(p -> p.token().equals(wantedProfile)).findFirst().orElse(profiles.get(0));
        URI stream = device.streamUri(chosen);
        URI snapshot = optional(() -> device.snapshotUri(chosen));
        List<Preset> presets = chosen.ptz() ? optionalList(() -> device.presets(chosen.token())) : List.of();
        return new Result(info, profiles, chosen, stream, snapshot, presets);
    }

    /** The API's and pages' answer to a camera that failed: 502 with what to do, never the credentials. */
    static Problem problem(OnvifException e) {
        return switch (e.kind()) {
            case NOT_AUTHORIZED -> new Problem(502, "camera_refused", "password", e.getMessage());
            case UNREACHABLE -> new Problem(502, "camera_unreachable", "onvifAddress", e.getMessage());
            case FAULT -> new Problem(502, "camera_fault", null, e.getMessage());
        };
    }

    private static <T> T optional(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (OnvifException e) {
            if (e.kind() != OnvifException.Kind.FAULT) {
                throw e;
            }
            return null; // the camera does not offer it
        }
    }

    private static <T> List<T> optionalList(java.util.function.Supplier<List<T>> call) {
        List<T> list = optional(call);
        return list == null ? List.of() : list;
    }
}
