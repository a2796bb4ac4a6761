package ru.frmr.auth.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.auth.LoginMethod;

/**
 * The counters operators watch: {@code frmr_auth_logins_total{outcome,method|reason}},
 * {@code frmr_auth_lockouts_total}, {@code frmr_auth_refresh_token_reuse_total}.
 */
@Component
public class AuthMetrics {

    private final MeterRegistry meters;

    AuthMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void loginSucceeded(LoginMethod method) {
        meters.counter("frmr.auth.logins", "outcome", "succeeded", "method", method.name(), "reason", "none")
                .increment();
    }

    /** @param reason a short constant (e.g. {@code SECOND_FACTOR}, {@code LOCKED}, {@code invalid-state}) */
    public void loginFailed(String method, String reason) {
        meters.counter("frmr.auth.logins", "outcome", "failed", "method", method, "reason", reason).increment();
    }

    public void lockout() {
        meters.counter("frmr.auth.lockouts").increment();
    }

    public void refreshTokenReuse() {
        meters.counter("frmr.auth.refresh_token_reuse").increment();
    }
}
