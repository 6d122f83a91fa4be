/**
 * 工作日历与时限 — the site's working calendar (working periods, weekend, statutory holidays and 调休 make-up
 * working days, edited by the admin each year) and the arithmetic of time limits in the four units of DOMAIN.md §4:
 * 紧急工作时, 工作时, 工作日, 自然日. {@link org.civicgrid.calendar.WorkingCalendar} is pure and exact;
 * {@link org.civicgrid.calendar.Calendars} is the entry point other features inject to get the current one.
 */
package org.civicgrid.calendar;
