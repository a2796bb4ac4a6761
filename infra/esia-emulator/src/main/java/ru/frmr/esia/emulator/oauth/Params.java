package ru.frmr.esia.emulator.oauth;

import java.util.Map;

/** Request parameters of the protocol endpoints, where a blank value counts as absent. */
record Params(Map<String, String> values) {

    String required(String name) {
        String value = optional(name);
        if (value.isEmpty()) {
            throw EsiaException.invalidRequest("missing parameter " + name);
        }
        return value;
    }

    /** Empty when absent, which is also how optional parameters such as {@code scope_org} enter the signature. */
    String optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? "" : value;
    }
}
