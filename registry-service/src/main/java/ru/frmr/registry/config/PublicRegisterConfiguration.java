package ru.frmr.registry.config;

import java.nio.file.Path;
import java.time.Clock;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.frmr.registry.query.PublicRegisterProjection;
import ru.frmr.registry.search.PublicRegisterIndex;

/**
 * The public register's search index. Each instance keeps its own (in memory, or on local disk when
 * {@code frmr.registry.public-index.path} is set) and rebuilds it from the event store when it starts.
 */
@Configuration(proxyBeanMethods = false)
class PublicRegisterConfiguration {

    @Bean(destroyMethod = "close")
    PublicRegisterIndex publicRegisterIndex(@Value("${frmr.registry.public-index.path:}") String path, Clock clock) {
        return path.isBlank() ? PublicRegisterIndex.inMemory(clock) : PublicRegisterIndex.onDisk(Path.of(path), clock);
    }

    /**
     * The index lives and dies with this instance, so its tracking token must too: an in-memory token
     * store makes every instance replay the event store into its own index when it starts.
     */
    @Autowired
    void publicRegisterTracksInMemory(EventProcessingConfigurer configurer) {
        configurer.registerTokenStore(PublicRegisterProjection.PROCESSING_GROUP, c -> new InMemoryTokenStore());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
