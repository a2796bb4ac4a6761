package ru.frmr.gateway.ratelimit;

import java.util.List;

import org.springframework.http.HttpCookie;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import ru.frmr.gateway.config.RateLimitProperties;

/**
 * The budgets spent before the access token is checked, so that whatever a request carries — a forged
 * token, one with a made-up key id, none — it costs its sender: per client address, by kind of path, and
 * on the login endpoints also per pending login. Paths outside {@code /api/**} and the public paths
 * (probes, the portal's files) are not budgeted.
 */
public class AddressBudgetFilter implements WebFilter {

    private final List<PathPattern> loginPaths;
    private final List<PathPattern> publicPaths;
    private final List<PathPattern> searchPaths;
    private final String loginCookie;
    private final ClientAddresses addresses;
    private final Budgets budgets;

    public AddressBudgetFilter(RateLimitProperties properties, ClientAddresses addresses, Budgets budgets) {
        this.loginPaths = parse(properties.loginPaths());
        this.publicPaths = parse(properties.publicPaths());
        this.searchPaths = parse(properties.searchPaths());
        this.loginCookie = properties.loginCookie();
        this.addresses = addresses;
        this.budgets = budgets;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (matches(loginPaths, path)) {
            String address = addresses.of(exchange);
            HttpCookie pending = exchange.getRequest().getCookies().getFirst(loginCookie);
            if (pending == null || pending.getValue().isBlank()) {
                return budgets.admit(exchange, chain, new Budgets.Charge(budgets.login, address));
            }
            return budgets.admit(exchange, chain, new Budgets.Charge(budgets.loginAttempt, pending.getValue()),
                    new Budgets.Charge(budgets.login, address));
        }
        if (matches(publicPaths, path)) {
            String address = addresses.of(exchange);
            if (matches(searchPaths, path)) {
                return budgets.admit(exchange, chain, new Budgets.Charge(budgets.search, address),
                        new Budgets.Charge(budgets.publicReads, address));
            }
            return budgets.admit(exchange, chain, new Budgets.Charge(budgets.publicReads, address));
        }
        if (path.value().startsWith("/api/")) {
            return budgets.admit(exchange, chain, new Budgets.Charge(budgets.address, addresses.of(exchange)));
        }
        return chain.filter(exchange);
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
