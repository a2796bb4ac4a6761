package ru.frmr.employer.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When an answer is due.
 *
 * @param countsAsFiledOn the working day the filing counts as made on
 * @param dueDate         the last day to answer on
 * @param provisional     a day of the count lies where no confirmed decree covers the calendar
 * @param overdueAt       the instant the due date has passed (the next day's start, Moscow time)
 */
public record DueDate(LocalDate countsAsFiledOn, LocalDate dueDate, boolean provisional, Instant overdueAt) {
}
