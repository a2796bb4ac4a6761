package ru.frmr.esia.emulator.rs;

import java.util.Arrays;
import java.util.Set;

/** What a verified access token allows: this person's data within these scopes. */
record AccessGrant(long oid, Set<String> scopes) {

    /** @throws ApiException unless the token is for {@code oid} and carries at least one of {@code anyOf} */
    void require(long oid, String... anyOf) {
        if (this.oid != oid) {
            throw ApiException.foreignPerson();
        }
        if (Arrays.stream(anyOf).noneMatch(scopes::contains)) {
            throw ApiException.insufficientScope(String.join(" or ", anyOf));
        }
    }

    boolean has(String scope) {
        return scopes.contains(scope);
    }
}
