package org.civicgrid.collector;

import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * 现场上报表单 — one multipart upload from the collector: the client's reference (idempotency), what and where
 * ({@code positionSource} GPS or MAP for the sent lat/lon; a photo's EXIF position wins over GPS, a map pick over both),
 * photos, an optional voice note, and for 自处理 the after photos with a note.
 */
public class FieldUpload {

    @RestForm public String clientRef;
    @RestForm public String classCode;
    @RestForm public String description;
    @RestForm public String address;
    @RestForm public Double lat;
    @RestForm public Double lon;
    @RestForm public Double accuracy;
    @RestForm public String positionSource;
    @RestForm public boolean selfHandle;
    @RestForm public String note;
    @RestForm public String action;
    @RestForm("photo") public List<FileUpload> photos;
    @RestForm("afterPhoto") public List<FileUpload> afterPhotos;
    @RestForm("voice") public FileUpload voice;

    List<FileUpload> photos() {
        return photos == null ? List.of() : photos.stream().filter(f -> f != null && f.size() > 0).toList();
    }

    List<FileUpload> afterPhotos() {
        return afterPhotos == null ? List.of() : afterPhotos.stream().filter(f -> f != null && f.size() > 0).toList();
    }
}
