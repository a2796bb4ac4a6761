package ru.frmr.gateway.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.cloud.gateway.handler.predicate.AbstractRoutePredicateFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@code NotPath=/api/**,/fhir/**}: the request's path matches none of the patterns. The portal's route takes
 * every path but these, so an unknown API path still gets the gateway's own 404 problem+json, not a page.
 */
@Component
public class NotPathRoutePredicateFactory extends AbstractRoutePredicateFactory<NotPathRoutePredicateFactory.Config> {

    static final String NAME = "NotPath";

    public NotPathRoutePredicateFactory() {
        super(Config.class);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("patterns");
    }

    @Override
    public ShortcutType shortcutType() {
        return ShortcutType.GATHER_LIST;
    }

    @Override
    public Predicate<ServerWebExchange> apply(Config config) {
        List<PathPattern> patterns = config.getPatterns().stream().map(PathPatternParser.defaultInstance::parse)
                .toList();
        return exchange -> {
            PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
            return patterns.stream().noneMatch(pattern -> pattern.matches(path));
        };
    }

    public static class Config {

        private List<String> patterns = new ArrayList<>();

        public List<String> getPatterns() {
            return patterns;
        }

        public void setPatterns(List<String> patterns) {
            this.patterns = patterns;
        }
    }
}
