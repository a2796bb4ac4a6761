package ru.frmr.gateway.ratelimit;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The budget of one account, spent once its token has been verified, so that many staff of one
 * organisation behind one address each have their own. Requests without a verified token (public and
 * login paths) were budgeted by {@link AddressBudgetFilter} alone. The person-lookup paths, which answer
 * whether someone with a given СНИЛС and birth date exists, cost a much smaller budget of the account too:
 * per account, not per address, since only a signed-in HR officer reaches them and an organisation's
 * officers share its address.
 */
public class AccountBudgetFilter implements WebFilter {

    private final Budgets budgets;
    private final List<PathPattern> personLookupPaths;

    public AccountBudgetFilter(Budgets budgets, List<String> personLookupPaths) {
        this.budgets = budgets;
        this.personLookupPaths = personLookupPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(token -> admit(exchange, chain, token.getName()))
                .defaultIfEmpty(Mono.defer(() -> chain.filter(exchange)))
                .flatMap(admitted -> admitted);
    }

    private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, String account) {
        Budgets.Charge api = new Budgets.Charge(budgets.account, account);
        if (isPersonLookup(exchange.getRequest().getPath().pathWithinApplication())) {
            return budgets.admit(exchange, chain, new Budgets.Charge(budgets.personLookup, account), api);
        }
        return budgets.admit(exchange, chain, api);
    }

    private boolean isPersonLookup(PathContainer path) {
        for (PathPattern pattern : personLookupPaths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
