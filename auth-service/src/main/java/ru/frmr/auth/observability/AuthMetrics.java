package ru.frmr.auth.observability;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import ru.frmr.auth.api.CodePurpose;
import ru.frmr.auth.api.LoginCheck;
import ru.frmr.contracts.auth.LoginMethod;

/**
 * The counters operators watch: {@code frmr_auth_logins_total{outcome,method|reason}},
 * {@code frmr_auth_lockouts_total}, {@code frmr_auth_refresh_token_reuse_total}.
 */
@Component
public class AuthMetrics {

    static final String LOGINS = "frmr.auth.logins";
    static final String LOCKOUTS = "frmr.auth.lockouts";
    static final String REFRESH_TOKEN_REUSE = "frmr.auth.refresh_token_reuse";
    static final List<String> EAGER_FAILURE_REASONS = List.of(LoginCheck.LOCKED, CodePurpose.SECOND_FACTOR.name());

    private final MeterRegistry meters;

    AuthMetrics(MeterRegistry meters) {
        this.meters = meters;
        // At 0 from startup, so that rate() and increase() have series before the first login: every method's
        // successes and its two commonest refusals (other reasons appear when they first happen).
        for (LoginMethod method : LoginMethod.values()) {
            meters.counter(LOGINS, "outcome", "succeeded", "method", method.name(), "reason", "none");
            for (String reason : EAGER_FAILURE_REASONS) {
                meters.counter(LOGINS, "outcome", "failed", "method", method.name(), "reason", reason);
            }
        }
        meters.counter(LOCKOUTS);
        meters.counter(REFRESH_TOKEN_REUSE);
    }

    public void loginSucceeded(LoginMethod method) {
        meters.counter(LOGINS, "outcome", "succeeded", "method", method.name(), "reason", "none")
                .increment();
    }

    /** @param reason a short constant (e.g. {@code SECOND_FACTOR}, {@code LOCKED}, {@code invalid-state}) */
    public void loginFailed(String method, String reason) {
        meters.counter(LOGINS, "outcome", "failed", "method", method, "reason", reason).increment();
    }

    public void lockout() {
        meters.counter(LOCKOUTS).increment();
    }

    public void refreshTokenReuse() {
        meters.counter(REFRESH_TOKEN_REUSE).increment();
    }
}
