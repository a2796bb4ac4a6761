package ru.frmr.registry.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.frmr.registry.command.WorkerIds;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    WorkerIds workerIds(RegistryProperties properties) {
        return new WorkerIds(properties.workerIdKey());
    }
}
