package ru.frmr.registry.config;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.frmr.registry.fhir.PublicWorkerLookup;
import ru.frmr.registry.search.PublicRegisterIndex;

/**
 * The public register's search index. Each instance keeps its own (in memory, or on local disk when
 * {@code frmr.registry.public-index.path} is set) and rebuilds it from the event store when it starts.
 */
@Configuration(proxyBeanMethods = false)
class PublicRegisterConfiguration {

    @Bean(destroyMethod = "close")
    PublicRegisterIndex publicRegisterIndex(@Value("${frmr.registry.public-index.path:}") String path) {
        return path.isBlank() ? PublicRegisterIndex.inMemory() : PublicRegisterIndex.onDisk(Path.of(path));
    }

    /** FHIR reads by id answer from the same public projection as the search. */
    @Bean
    PublicWorkerLookup publicWorkerLookup(PublicRegisterIndex index) {
        return index::find;
    }
}
