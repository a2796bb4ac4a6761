package ru.frmr.auth.qes;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Login with a qualified electronic signature ({@code frmr.auth.qes.*}).
 *
 * @param trustedRoots PEM files of the accredited certification authorities' roots
 */
@ConfigurationProperties("frmr.auth.qes")
public record QesProperties(boolean enabled, List<Resource> trustedRoots) {

    public QesProperties {
        trustedRoots = trustedRoots == null ? List.of() : List.copyOf(trustedRoots);
    }
}
