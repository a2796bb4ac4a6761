package ru.frmr.gateway.config;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * The gateway's server observation ({@code http.server.requests}) tagged with the route that served the
 * request ({@code route}, "none" when none did): the per-route timer, now that the proxied call is not
 * observed a second time ({@link ru.frmr.gateway.edge.TraceparentHeadersFilter}).
 */
class RouteTaggedServerObservations extends DefaultServerRequestObservationConvention {

    private static final KeyValue NO_ROUTE = KeyValue.of("route", "none");

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object route = context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return super.getLowCardinalityKeyValues(context)
                .and(route instanceof Route served ? KeyValue.of("route", served.getId()) : NO_ROUTE);
    }
}
