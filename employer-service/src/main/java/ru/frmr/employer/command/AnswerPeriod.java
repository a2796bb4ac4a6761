package ru.frmr.employer.command;

import java.time.Instant;

import org.springframework.stereotype.Component;

import ru.frmr.employer.calendar.DueDate;
import ru.frmr.employer.calendar.DueDates;
import ru.frmr.employer.saga.DiscrepancyProperties;

/** How long HR has to answer a discrepancy: the due-date rule over the configured number of working days. */
@Component
public class AnswerPeriod {

    private final DueDates dueDates;
    private final int workingDays;

    public AnswerPeriod(DueDates dueDates, DiscrepancyProperties properties) {
        this.dueDates = dueDates;
        this.workingDays = properties.answerWorkingDays();
    }

    public DueDate forFiling(Instant filedAt) {
        return dueDates.forFiling(filedAt, workingDays);
    }
}
