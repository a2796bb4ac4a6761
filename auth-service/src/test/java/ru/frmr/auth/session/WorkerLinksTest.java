package ru.frmr.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.frmr.auth.api.AccountStatus;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.query.AccountView;
import ru.frmr.auth.query.AuthQueries;

class WorkerLinksTest {

    private static final SessionClaims WORKER = new SessionClaims(List.of(PlatformRole.WORKER), null, null);
    private final AuthQueries queries = mock(AuthQueries.class);

    private static Optional<AccountView> account(String workerId) {
        return Optional.of(new AccountView("a-1", "1000299654", "dev-1:digest", workerId, AccountStatus.ACTIVE, null,
                null, Instant.EPOCH, null, null, 0, null, null, null));
    }

    @Test
    void aFirstLoginWaitsUntilTheRegistryAnnouncedTheNumber() {
        when(queries.account("a-1")).thenReturn(account(null), account(null), account("w-1"));

        SessionClaims claims = new WorkerLinks(queries, Duration.ofSeconds(5)).awaited("a-1", WORKER);

        assertThat(claims.workerId()).isEqualTo("w-1");
        assertThat(claims.roles()).containsExactly(PlatformRole.WORKER);
        verify(queries, times(3)).account("a-1");
    }

    @Test
    void withoutAnAnnouncementTheLoginGoesOnWithoutTheClaimAfterTheBoundedWait() {
        when(queries.account("a-1")).thenReturn(account(null));

        SessionClaims claims = new WorkerLinks(queries, Duration.ofMillis(300)).awaited("a-1", WORKER);

        assertThat(claims.workerId()).isNull();
        verify(queries, times(4)).account("a-1");
    }

    @Test
    void aRefreshPicksUpTheNumberWithoutWaitingAndOthersAreLeftAlone() {
        when(queries.account("a-1")).thenReturn(account("w-1"));
        WorkerLinks links = new WorkerLinks(queries, Duration.ofSeconds(5));

        assertThat(links.current("a-1", WORKER).workerId()).isEqualTo("w-1");
        SessionClaims supervisor = new SessionClaims(List.of(PlatformRole.SUPERVISOR), null, null);
        assertThat(links.awaited("a-2", supervisor)).isSameAs(supervisor);
        verify(queries, never()).account("a-2");
    }
}
