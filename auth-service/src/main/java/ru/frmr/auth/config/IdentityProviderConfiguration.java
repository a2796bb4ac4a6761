package ru.frmr.auth.config;

import java.net.http.HttpClient;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.frmr.auth.esia.EsiaIdentityProvider;
import ru.frmr.auth.esia.EsiaProperties;
import ru.frmr.auth.oidc.OidcIdentityProvider;
import ru.frmr.auth.oidc.OidcProperties;
import ru.frmr.auth.login.RoleResolver;
import ru.frmr.auth.observability.AuthMetrics;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.auth.qes.QesChallenges;
import ru.frmr.auth.qes.QesLogin;
import ru.frmr.auth.qes.QesProperties;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.session.Sessions;

/** Which ways of proving identity are switched on: ESIA, a generic OIDC provider, qualified signature. */
@Configuration(proxyBeanMethods = false)
class IdentityProviderConfiguration {

    @Bean
    @ConditionalOnProperty("frmr.esia.enabled")
    EsiaIdentityProvider esiaIdentityProvider(EsiaProperties properties, HttpClient http, ObjectMapper json,
                                              Clock clock) {
        return new EsiaIdentityProvider(properties, http, json, clock);
    }

    @Bean
    @ConditionalOnProperty("frmr.oidc.enabled")
    OidcIdentityProvider oidcIdentityProvider(OidcProperties properties, HttpClient http, ObjectMapper json) {
        return new OidcIdentityProvider(properties, http, json);
    }

    @Bean
    @ConditionalOnProperty("frmr.auth.qes.enabled")
    QesLogin qesLogin(QesChallenges challenges, QesProperties properties, AuthQueries queries, PersonalDataVault vault,
                      RoleResolver roles, Sessions sessions, AuthMetrics metrics, Clock clock) {
        return new QesLogin(challenges, properties, queries, vault, roles, sessions, metrics, clock);
    }
}
