package ru.frmr.gateway.ratelimit;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The budget of one account, spent once its token has been verified, so that many staff of one
 * organisation behind one address each have their own. Requests without a verified token (public and
 * login paths) were budgeted by {@link AddressBudgetFilter} alone.
 */
public class AccountBudgetFilter implements WebFilter {

    private final Budgets budgets;

    public AccountBudgetFilter(Budgets budgets) {
        this.budgets = budgets;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(token -> budgets.admit(exchange, chain, new Budgets.Charge(budgets.account, token.getName())))
                .defaultIfEmpty(Mono.defer(() -> chain.filter(exchange)))
                .flatMap(admitted -> admitted);
    }
}
