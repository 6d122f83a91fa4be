package org.civicgrid.collector;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * 照片定位 — the position a phone wrote into a photo's EXIF GPS tags (WGS84), read with metadata-extractor. A photo
 * without tags, with a zero position or that is not an image gives nothing.
 */
public final class PhotoPosition {

    /** A WGS84 position. */
    public record LatLon(double lat, double lon) {
    }

    private PhotoPosition() {
    }

    public static Optional<LatLon> of(Path photo) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(photo.toFile());
            for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
                com.drew.lang.GeoLocation location = gps.getGeoLocation();
                if (location != null && !location.isZero() && Double.isFinite(location.getLatitude())
                        && Double.isFinite(location.getLongitude())) {
                    return Optional.of(new LatLon(location.getLatitude(), location.getLongitude()));
                }
            }
            return Optional.empty();
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
