package ru.frmr.employer;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import ru.frmr.infra.embedded.MutableClock;

/**
 * The service's clock in tests: {@link #CLOCK}, which starts at {@link #START} (10:00 in Moscow on Monday 2 March
 * 2026) and which a test moves by hand. One per JVM, shared by every context that imports this.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final Instant START = Instant.parse("2026-03-02T07:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(START);

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }
}
