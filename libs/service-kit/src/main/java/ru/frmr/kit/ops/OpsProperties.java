package ru.frmr.kit.ops;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.frmr.kit.security.Roles;

/**
 * The operator endpoints of a service with Axon (projection replay, processor status).
 *
 * @param path  where they live, under the service's own gateway prefix, e.g. {@code /api/registry/ops}; unset, the
 *              service has none
 * @param roles who may call them. REGISTRY_ADMIN by default: the platform has no separate operator role yet
 *              (auth-service grants REGISTRY_ADMIN, SUPERVISOR and AUDITOR by ESIA oid, always with a second
 *              factor); a deployment that introduces one names it here
 */
@ConfigurationProperties("frmr.ops")
public record OpsProperties(String path, List<String> roles) {

    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");

    public OpsProperties {
        if (path != null && !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("frmr.ops.path must look like /api/<service>/ops");
        }
        roles = roles == null || roles.isEmpty() ? List.of(Roles.REGISTRY_ADMIN) : List.copyOf(roles);
    }
}
