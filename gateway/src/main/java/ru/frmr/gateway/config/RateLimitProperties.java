package ru.frmr.gateway.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client request budgets, held in this gateway instance's memory (N replicas allow up to N times the
 * budget; behind a sticky load balancer, about the budget).
 *
 * @param loginPaths path patterns of the login endpoints: budgeted per client IP with {@code login}
 * @param login      the budget of one IP on the login endpoints; strict, since they take passwords and codes
 * @param api        the budget of one account (or, without a token, one IP) on the rest of {@code /api/**}
 * @param maxClients how many clients' budgets are kept; the least recently seen are dropped beyond that
 */
@ConfigurationProperties("frmr.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue List<String> loginPaths,
                                  @DefaultValue({"10", "1m"}) Budget login,
                                  @DefaultValue({"300", "1m"}) Budget api,
                                  @DefaultValue("100000") long maxClients) {

    /** {@code limit} requests per {@code period}. */
    public record Budget(int limit, Duration period) {

        public Budget {
            if (limit < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("A rate budget needs a limit of at least 1 and a positive period");
            }
        }
    }
}
