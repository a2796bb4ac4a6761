package ru.frmr.auth.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.session.Sessions;
import ru.frmr.auth.token.AccessTokens;
import ru.frmr.auth.token.VerifiedToken;

/** Resolves {@link Caller} from {@code Authorization: Bearer}, checked against our own keys and the session. */
class CallerResolver implements HandlerMethodArgumentResolver {

    private static final String BEARER = "Bearer ";

    private final AccessTokens accessTokens;
    private final Sessions sessions;

    CallerResolver(AccessTokens accessTokens, Sessions sessions) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw AuthException.unauthorized("A platform access token is required (Authorization: Bearer).");
        }
        VerifiedToken token = accessTokens.verify(header.substring(BEARER.length()).strip())
                .orElseThrow(() -> AuthException.unauthorized("The access token is invalid or expired."));
        return new Caller(token, sessions.requireActive(token));
    }
}
