package ru.frmr.registry.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import ru.frmr.kit.error.ConflictException;

/** {@code frmr_registry_registrations_total}: a record created counts once; a duplicate does not count. */
class WorkerRegistrationMetricsTest {

    private static final String SNILS = "112-233-445 95";

    private final CommandGateway commands = mock(CommandGateway.class);
    private final EventStore eventStore = mock(EventStore.class);
    private final SnilsIndex index = mock(SnilsIndex.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WorkerRegistration registration = new WorkerRegistration(commands, eventStore, index, meters);

    @Test
    void startsAtZeroAndCountsEachCreatedRecord() {
        assertThat(registrations()).isZero();
        when(index.claim(any())).thenReturn("w-1");
        when(eventStore.lastSequenceNumberFor("w-1")).thenReturn(Optional.empty());

        registration.register("Иванова", "Анна", null, LocalDate.of(1990, 1, 1), SNILS, null);

        assertThat(registrations()).isEqualTo(1);
    }

    @Test
    void aPersonAlreadyRegisteredIsNotCountedAgain() {
        when(index.claim(any())).thenReturn("w-1");
        when(eventStore.lastSequenceNumberFor("w-1")).thenReturn(Optional.of(0L));

        assertThatThrownBy(() -> registration.register("Иванова", "Анна", null, LocalDate.of(1990, 1, 1), SNILS,
                null)).isInstanceOf(ConflictException.class);

        assertThat(registrations()).isZero();
    }

    private double registrations() {
        return meters.get(WorkerRegistration.REGISTRATIONS).counter().count();
    }
}
