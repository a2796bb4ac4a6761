package ru.frmr.esia.emulator.login;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import ru.frmr.esia.emulator.oauth.Authentication;

/**
 * The emulator's browser session: a login flow in progress and, once the person has signed in, who they are.
 * Like ESIA's single sign-on, a signed-in browser gets further authorization codes without signing in again,
 * until it logs out.
 */
final class BrowserSession {

    private static final String FLOW = "esia.flow";
    private static final String AUTHENTICATION = "esia.authentication";

    private BrowserSession() {
    }

    static Optional<LoginFlow> flow(HttpServletRequest request) {
        return attribute(request, FLOW, LoginFlow.class);
    }

    static void startFlow(HttpServletRequest request, LoginFlow flow) {
        request.getSession().setAttribute(FLOW, flow);
    }

    static void endFlow(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(FLOW);
        }
    }

    static Optional<Authentication> authentication(HttpServletRequest request) {
        return attribute(request, AUTHENTICATION, Authentication.class);
    }

    /** A new session id on sign-in, so an id planted in the browser beforehand does not become a signed-in one. */
    static void signIn(HttpServletRequest request, Authentication authentication) {
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.removeAttribute(FLOW);
        session.setAttribute(AUTHENTICATION, authentication);
    }

    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static <T> Optional<T> attribute(HttpServletRequest request, String name, Class<T> type) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable(type.cast(session.getAttribute(name)));
    }
}
