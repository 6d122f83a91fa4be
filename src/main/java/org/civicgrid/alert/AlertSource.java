package org.civicgrid.alert;

/** 告警来源 — which adapter an alert came through; with the source's own id it makes an alert idempotent. */
public enum AlertSource {
    /** Frigate NVR review items ({@code frigate/reviews}): the best trigger, severity {@code alert}. */
    FRIGATE,
    /** Frigate tracked objects ({@code frigate/events}). */
    FRIGATE_EVENT,
    /** Frigate's later facts on a tracked object ({@code frigate/tracked_object_update}: description, face, plate, class). */
    FRIGATE_UPDATE,
    /** DJI Cloud API dock events ({@code thing/product/+/events}). */
    DJI,
    /** Our own JSON ({@code civicgrid/alerts/{deviceId}}). */
    GENERIC,
    /** An ONVIF camera's own event (PullPoint), fired inside the appliance. */
    ONVIF,
    /** A message on a subscribed topic that no adapter understands. */
    UNKNOWN
}
