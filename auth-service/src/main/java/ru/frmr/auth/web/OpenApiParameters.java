package ru.frmr.auth.web;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * {@link Caller} is resolved from the bearer token and the session, not from the request's parameters: the OpenAPI
 * document must not offer it as query parameters (the document's security schemes say how to authenticate).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiParameters {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
