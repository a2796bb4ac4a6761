package ru.frmr.registry.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stepUpMaxAge how long after confirming a one-time code a worker may still submit record changes
 */
@ConfigurationProperties("frmr.registry.moderation")
public record ModerationProperties(@DefaultValue("300s") Duration stepUpMaxAge) {
}
