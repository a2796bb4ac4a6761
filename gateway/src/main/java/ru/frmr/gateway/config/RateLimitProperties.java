package ru.frmr.gateway.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client request budgets, held in this gateway instance's memory (N replicas allow up to N times the
 * budget; behind a sticky load balancer, about the budget). Every budget but {@code api} is spent before
 * the access token is checked, so a request with a forged or unknown-key token costs its sender; only the
 * account budget waits for a verified token, since an unverified {@code sub} would let anyone spend another
 * account's budget. "Address" is the client address as {@link ClientAddressProperties} resolves it.
 * docs/edge-budgets.md explains the sizes.
 *
 * @param loginPaths   path patterns of the login endpoints
 * @param publicPaths  path patterns served to anyone without a token (the public register, FHIR)
 * @param searchPaths  the expensive subset of {@code publicPaths}: searches and change feeds, as opposed to
 *                     reads of one resource
 * @param personLookupPaths path patterns of the endpoints that find a person by their personal data (an employer's
 *                     HR officer's lookup by СНИЛС and birth date); spent per account, on top of {@code api}
 * @param loginCookie  the cookie that names one pending login (auth-service sets it when a login starts)
 * @param login        one address on the login endpoints: sized for an organisation's staff behind one NAT
 * @param loginAttempt one pending login (by its cookie) on the login endpoints, whatever its address: what
 *                     guessing one person's one-time code may cost
 * @param publicReads  one address on the public paths
 * @param search       one address on the search paths, on top of {@code publicReads}
 * @param address      one address on the rest of {@code /api/**}, before its token is checked: sized for an
 *                     organisation, and spent by requests whose token then fails
 * @param api          one account (verified token) on the rest of {@code /api/**}
 * @param personLookup one account on {@code personLookupPaths}: enough for an HR officer linking staff by hand, too
 *                     few to try out СНИЛС and birth dates in bulk
 * @param maxClients   how many clients' budgets each budget keeps; the least recently seen are dropped
 */
@ConfigurationProperties("frmr.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue List<String> loginPaths,
                                  @DefaultValue List<String> publicPaths,
                                  @DefaultValue List<String> searchPaths,
                                  @DefaultValue List<String> personLookupPaths,
                                  @DefaultValue("frmr_login") String loginCookie,
                                  @DefaultValue({"600", "1m"}) Budget login,
                                  @DefaultValue({"10", "1m"}) Budget loginAttempt,
                                  @DefaultValue({"600", "1m"}) Budget publicReads,
                                  @DefaultValue({"60", "1m"}) Budget search,
                                  @DefaultValue({"3000", "1m"}) Budget address,
                                  @DefaultValue({"300", "1m"}) Budget api,
                                  @DefaultValue({"30", "1m"}) Budget personLookup,
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
