package ru.frmr.registry.command;

import ru.frmr.registry.api.IdentityDocument;

/**
 * What ESIA tells about a person beyond name, birth date, СНИЛС and contacts; any of it may be null.
 *
 * @param gender      {@code M} or {@code F}
 * @param citizenship ISO 3166-1 alpha-3
 * @param inn         12 digits
 */
public record EsiaPersonalData(String gender, String citizenship, String inn, IdentityDocument identityDocument) {

    public static final EsiaPersonalData NONE = new EsiaPersonalData(null, null, null, null);

    @Override
    public String toString() {
        return "EsiaPersonalData[***]";
    }
}
