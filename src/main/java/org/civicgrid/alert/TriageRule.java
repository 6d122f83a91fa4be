package org.civicgrid.alert;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** An immutable copy of an {@link AlertRule}, what the pure triage works on. */
public record TriageRule(Long id, String name, int priority, AlertSource source, String label, String zone, String classCode,
        Long standardId, double minConfidence, LocalTime activeFrom, LocalTime activeTo, boolean autoFile, boolean enabled) {

    static LocalTime time(String hhmm) {
        if (hhmm == null || hhmm.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(hhmm.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time must be HH:mm, not '" + hhmm + "'");
        }
    }

    boolean activeAt(LocalTime now) {
        if (activeFrom == null || activeTo == null || activeFrom.equals(activeTo)) {
            return true;
        }
        return activeFrom.isBefore(activeTo) ? !now.isBefore(activeFrom) && now.isBefore(activeTo)
                : !now.isBefore(activeFrom) || now.isBefore(activeTo); // over midnight, e.g. 22:00–06:00
    }
}
