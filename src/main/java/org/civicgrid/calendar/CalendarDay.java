package org.civicgrid.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 日历日 — one date the admin marks in the calendar: a statutory holiday or a 调休 make-up working day. Keyed by
 * the ISO date string ({@code 2026-10-01}), which sorts and compares like the date on SQLite and PostgreSQL alike.
 */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends PanacheEntityBase {

    @Id
    @Column(name = "day")
    public String day;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    public CalendarDayKind kind;

    /** The festival it belongs to, e.g. 国庆节; optional. */
    @Column(name = "name")
    public String name;

    public LocalDate date() {
        return LocalDate.parse(day);
    }

    public static Optional<CalendarDay> on(LocalDate date) {
        return findByIdOptional(date.toString());
    }

    public static List<CalendarDay> inYear(int year) {
        return find("select d from CalendarDay d where d.day >= ?1 and d.day <= ?2 order by d.day",
                LocalDate.of(year, 1, 1).toString(), LocalDate.of(year, 12, 31).toString()).list();
    }

    public static List<CalendarDay> allOrdered() {
        return find("select d from CalendarDay d order by d.day").list();
    }
}
