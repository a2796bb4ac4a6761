package ru.frmr.gateway.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whose {@code X-Forwarded-For} the gateway believes when it decides which client address a request is
 * budgeted under.
 *
 * @param trustedProxies addresses or CIDR ranges of the proxies (load balancers) in front of the gateway.
 *                       None by default: the socket's peer is the client, and a client-supplied header
 *                       is ignored, since believing it would let anyone pick their own budget.
 */
@ConfigurationProperties("frmr.gateway.client-address")
public record ClientAddressProperties(@DefaultValue List<String> trustedProxies) {
}
