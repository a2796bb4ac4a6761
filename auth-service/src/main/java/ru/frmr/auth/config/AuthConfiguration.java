package ru.frmr.auth.config;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import ru.frmr.auth.agency.AgencyDirectory;
import ru.frmr.auth.client.ClientAgencies;
import ru.frmr.auth.command.AccountPolicy;
import ru.frmr.auth.command.SessionPolicy;
import ru.frmr.auth.login.AgencyLookup;
import ru.frmr.auth.secondfactor.CodeMailer;
import ru.frmr.auth.secondfactor.OneTimeCodes;
import ru.frmr.auth.token.AccessTokens;
import ru.frmr.auth.token.ExtraClaims;
import ru.frmr.auth.token.SigningKeyStore;

/** The beans built from {@link AuthProperties}; the clock is one bean so tests can move time. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccountPolicy accountPolicy(AuthProperties properties) {
        return new AccountPolicy(properties.lockout().maxFailures(), properties.lockout().duration(),
                properties.sessions().maxPerAccount(), properties.sessions().absoluteLifetime());
    }

    @Bean
    SessionPolicy sessionPolicy(AuthProperties properties) {
        return new SessionPolicy(properties.sessions().idleTimeout(), properties.sessions().absoluteLifetime());
    }

    @Bean
    SigningKeyStore signingKeyStore(MongoTemplate mongo, AuthProperties properties, Clock clock) {
        return new SigningKeyStore(mongo, properties, clock);
    }

    @Bean
    AccessTokens accessTokens(SigningKeyStore keys, Clock clock, AuthProperties properties,
                              @Value("${frmr.security.issuer:frmr-auth}") String issuer,
                              @Value("${frmr.security.audience:frmr-platform}") String audience,
                              ExtraClaims supervisorAgencyClaims) {
        return new AccessTokens(keys, clock, issuer, audience, properties.accessTokenTtl(), supervisorAgencyClaims);
    }

    /** Supervisors' tokens name their agency while it is active in the agency registry. */
    @Bean
    AgencyLookup agencyLookup(AgencyDirectory directory) {
        return agencyId -> directory.find(agencyId).filter(AgencyDirectory.Entry::active)
                .map(agency -> new AgencyLookup.Agency(agency.agencyId(), agency.kind().name(), agency.regionCode()));
    }

    /** Machine clients belong to agencies of the agency registry; a revoked agency's clients get no token. */
    @Bean
    ClientAgencies clientAgencies(AgencyDirectory directory) {
        return agencyId -> directory.find(agencyId).map(agency -> new ClientAgencies.AgencyView(agency.agencyId(),
                agency.name(), agency.kind().name(), agency.regionCode(), agency.active()));
    }

    @Bean
    OneTimeCodes oneTimeCodes(MongoTemplate mongo, AuthProperties properties, Clock clock) {
        return new OneTimeCodes(mongo, properties.oneTimeCode().pepper(), properties.oneTimeCode().ttl(), clock);
    }

    @Bean
    CodeMailer codeMailer(JavaMailSender mail, AuthProperties properties) {
        return new CodeMailer(mail, properties.oneTimeCode().mailFrom(), properties.oneTimeCode().ttl());
    }

    /** For calls to identity providers; no redirects followed, so an answer cannot send tokens elsewhere. */
    @Bean
    HttpClient identityProviderHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
