package ru.frmr.auth.login;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param supervisorAgencies ESIA oid of a SUPERVISOR person → the agency they act for ({@code ag-…}); a supervisor
 *                           not named here acts for no agency (their token carries none)
 */
@ConfigurationProperties("frmr.auth")
public record SupervisorAgencyProperties(Map<String, String> supervisorAgencies) {

    public SupervisorAgencyProperties {
        supervisorAgencies = supervisorAgencies == null ? Map.of() : Map.copyOf(supervisorAgencies);
    }
}
