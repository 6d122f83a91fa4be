package org.civicgrid.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * 附件类型 — the photo and audio formats accepted as evidence (and video, from the box's own devices only), recognised
 * by their first bytes (the declared content type and file name are not trusted).
 */
enum MediaType {
    JPEG("PHOTO", "image/jpeg", "jpg"),
    PNG("PHOTO", "image/png", "png"),
    WEBP("PHOTO", "image/webp", "webp"),
    HEIC("PHOTO", "image/heic", "heic"),
    MP3("AUDIO", "audio/mpeg", "mp3"),
    M4A("AUDIO", "audio/mp4", "m4a"),
    OGG("AUDIO", "audio/ogg", "ogg"),
    AMR("AUDIO", "audio/amr", "amr"),
    WAV("AUDIO", "audio/wav", "wav"),
    /** What browsers' MediaRecorder writes (Chromium: audio/webm;codecs=opus), e.g. the collector's voice note. */
    WEBM("AUDIO", "audio/webm", "webm"),
    /** 视频片段 of an alert (Frigate's clip.mp4): an ISO-BMFF file not recognised above; kept from devices only. */
    MP4("VIDEO", "video/mp4", "mp4");

    final String kind;
    final String contentType;
    final String extension;

    MediaType(String kind, String contentType, String extension) {
        this.kind = kind;
        this.contentType = contentType;
        this.extension = extension;
    }

    static Optional<MediaType> sniff(byte[] head) {
        return Arrays.stream(values()).filter(t -> t.matches(head)).findFirst();
    }

    private boolean matches(byte[] b) {
        return switch (this) {
            case JPEG -> starts(b, 0, 0xFF, 0xD8, 0xFF);
            case PNG -> starts(b, 0, 0x89, 'P', 'N', 'G');
            case WEBP -> starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P');
            case HEIC -> starts(b, 4, 'f', 't', 'y', 'p') && (starts(b, 8, 'h', 'e', 'i', 'c') || starts(b, 8, 'm', 'i', 'f', '1'));
            case MP3 -> starts(b, 0, 'I', 'D', '3') || starts(b, 0, 0xFF, 0xFB) || starts(b, 0, 0xFF, 0xF3);
            case M4A -> starts(b, 4, 'f', 't', 'y', 'p') && starts(b, 8, 'M', '4', 'A');
            case OGG -> starts(b, 0, 'O', 'g', 'g', 'S');
            case AMR -> starts(b, 0, '#', '!', 'A', 'M', 'R');
            case WAV -> starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'A', 'V', 'E');
            case WEBM -> starts(b, 0, 0x1A, 0x45, 0xDF, 0xA3);
            case MP4 -> starts(b, 4, 'f', 't', 'y', 'p');
        };
    }

    private static boolean starts(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
