package ru.frmr.gateway.config;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelOption;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.netty.NettyPipeline;

import ru.frmr.gateway.edge.EventLoopHandOffFilter;
import ru.frmr.gateway.edge.ForwardedForHeadersFilter;
import ru.frmr.gateway.edge.PortalCorsFilter;
import ru.frmr.gateway.edge.RequestBodyLimitFilter;
import ru.frmr.gateway.edge.RequestIdFilter;
import ru.frmr.gateway.edge.SecurityHeadersFilter;
import ru.frmr.gateway.error.GatewayErrorHandler;
import ru.frmr.gateway.error.RefusedRequestProblems;
import ru.frmr.gateway.ratelimit.ClientAddresses;

/** The web filters every request passes before it is routed, and the handler that renders what fails. */
@Configuration(proxyBeanMethods = false)
public class EdgeConfiguration {

    @Bean
    ForwardedForHeadersFilter forwardedForHeadersFilter(ClientAddressProperties clients) {
        return new ForwardedForHeadersFilter(new ClientAddresses(clients.trustedProxies()));
    }

    @Bean
    EventLoopHandOffFilter eventLoopHandOffFilter() {
        return new EventLoopHandOffFilter();
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter();
    }

    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter(EdgeProperties properties) {
        return new RequestBodyLimitFilter(properties.maxRequestBody().toBytes(),
                properties.uploads().maxBody().toBytes(), properties.uploads().postPaths());
    }

    @Bean
    PortalCorsFilter portalCorsFilter(EdgeProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name(),
                HttpMethod.PATCH.name(), HttpMethod.DELETE.name()));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, RequestIdFilter.HEADER));
        cors.setExposedHeaders(List.of(RequestIdFilter.HEADER, HttpHeaders.LOCATION));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return new PortalCorsFilter(source);
    }

    @Bean
    GatewayErrorHandler gatewayErrorHandler(ObjectMapper json) {
        return new GatewayErrorHandler(json);
    }

    /**
     * The proxied call's time limit, as the HTTP client's response timeout: a timer on the connection's own
     * event loop, where the circuit breaker's time limiter (a Reactor timeout) put a task on a shared scheduler
     * thread and took it off again for every request. Its timeout fails the call (the breaker counts it) and
     * is answered 504 ({@code FailureStatus}).
     * <p>
     * The connect timeout is set here once, on the client every route shares, and not as Spring Cloud Gateway's
     * {@code httpclient.connect-timeout}: with that property set, its routing filter derives a new client
     * configuration (a copy of every setting) from the shared one for each request.
     */
    @Bean
    HttpClientCustomizer responseTimeout(EdgeProperties properties) {
        return client -> client.responseTimeout(properties.responseTimeout())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()));
    }

    /** Answers the server refuses before any filter runs are problem+json too. */
    @Bean
    NettyServerCustomizer refusedRequestProblems(ObjectMapper json) {
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, RefusedRequestProblems.NAME,
                        new RefusedRequestProblems(json));
            }
        });
    }
}
