package ru.frmr.gateway.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import ru.frmr.gateway.config.RateLimitProperties.Budget;

/**
 * One Resilience4j rate limiter per client under one budget. A limiter left alone for a whole period has
 * refilled, so dropping it then loses nothing: entries expire after a period without access, and the
 * cache is bounded so a flood of new clients cannot exhaust memory.
 */
final class ClientRateLimiters {

    private final String policy;
    private final RateLimiterConfig config;
    private final Cache<String, AtomicRateLimiter> limiters;

    ClientRateLimiters(String policy, Budget budget, long maxClients) {
        this.policy = policy;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(budget.limit())
                .limitRefreshPeriod(budget.period())
                // Never park a request waiting for a permit: over budget is answered at once.
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(budget.period()).build();
    }

    String policy() {
        return policy;
    }

    /** Empty when {@code client} may go ahead; otherwise how long until its next request would be allowed. */
    Optional<Duration> acquire(String client) {
        AtomicRateLimiter limiter = limiters.get(client, key -> new AtomicRateLimiter(policy, config));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(limiter.getDetailedMetrics().getNanosToWait()));
    }
}
