package ru.frmr.employer.calendar;


import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The production calendar, loaded and checked once at start, and the due-date rule on it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    /** A year file that contradicts itself fails this bean, and with it the start. */
    @Bean
    ProductionCalendar productionCalendar(MeterRegistry meters) {
        ProductionCalendar calendar = ProductionCalendar.fromYearFiles();
        // Epoch seconds of the start (Moscow) of the last day a confirmed decree covers: alert well before now
        // passes it, since deadlines beyond it are provisional until the next year's file is added.
        Gauge.builder("frmr.employer.calendar.known.until",
                        () -> calendar.knownUntil().atStartOfDay(DueDates.ZONE).toEpochSecond())
                .description("Last day (epoch seconds, Moscow start of day) the production calendar knows")
                .baseUnit("seconds")
                .register(meters);
        return calendar;
    }

    @Bean
    DueDates dueDates(ProductionCalendar calendar, CalendarProperties properties) {
        return new DueDates(calendar, properties.workingDayEnd());
    }
}
