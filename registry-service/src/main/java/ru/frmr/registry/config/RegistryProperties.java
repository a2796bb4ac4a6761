package ru.frmr.registry.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param workerIdKey secret for deriving worker ids from СНИЛС; at least 32 characters */
@ConfigurationProperties("frmr.registry")
public record RegistryProperties(String workerIdKey) {
}
