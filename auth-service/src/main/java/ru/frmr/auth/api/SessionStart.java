package ru.frmr.auth.api;

import java.util.List;

/**
 * @param check   whether the login was allowed
 * @param evicted sessions to end because the account reached its concurrent-session limit (oldest first)
 */
public record SessionStart(LoginCheck check, List<String> evicted) {

    public SessionStart {
        evicted = List.copyOf(evicted);
    }
}
