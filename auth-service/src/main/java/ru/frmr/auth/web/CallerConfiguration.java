package ru.frmr.auth.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import ru.frmr.auth.session.Sessions;
import ru.frmr.auth.token.AccessTokens;

/** Lets endpoints declare a {@link Caller} parameter to require a valid access token of an open session. */
@Configuration(proxyBeanMethods = false)
class CallerConfiguration implements WebMvcConfigurer {

    private final AccessTokens accessTokens;
    private final Sessions sessions;

    CallerConfiguration(AccessTokens accessTokens, Sessions sessions) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver(accessTokens, sessions));
    }
}
