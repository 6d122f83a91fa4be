package org.civicgrid.backup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 备份保留 — which backups to keep: the newest of each of the last {@code daily} days, {@code weekly} ISO weeks and
 * {@code monthly} months that have a backup (a backup may count for all three). Everything else may be deleted.
 */
public final class Retention {

    private Retention() {
    }

    public static <T extends Dated> Set<T> keep(List<T> backups, int daily, int weekly, int monthly) {
        Set<T> kept = new LinkedHashSet<>();
        Set<LocalDate> days = new HashSet<>();
        Set<String> weeks = new HashSet<>();
        Set<YearMonth> months = new HashSet<>();
        for (T b : backups.stream().sorted(Comparator.comparing(Dated::taken).reversed()).toList()) {
            LocalDate d = b.taken().toLocalDate();
            if (days.size() < daily && days.add(d)) {
                kept.add(b);
            }
            String week = d.get(IsoFields.WEEK_BASED_YEAR) + "-" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (weeks.size() < weekly && weeks.add(week)) {
                kept.add(b);
            }
            if (months.size() < monthly && months.add(YearMonth.from(d))) {
                kept.add(b);
            }
        }
        return kept;
    }

    /** Something taken at a local date and time. */
    public interface Dated {
        LocalDateTime taken();
    }
}
