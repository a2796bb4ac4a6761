package ru.frmr.esia.emulator.login;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import ru.frmr.esia.emulator.client.ClientRegistry;
import ru.frmr.esia.emulator.client.RegisteredClient;
import ru.frmr.esia.emulator.oauth.EsiaException;

/**
 * {@code GET /idp/ext/Logout?client_id=&redirect_url=}: ends the browser's ESIA session, so the next
 * authorization asks for the password again, and returns the browser to a URI registered for the client.
 */
@Controller
class LogoutController {

    private static final Logger log = LoggerFactory.getLogger(LogoutController.class);

    private final ClientRegistry clients;

    LogoutController(ClientRegistry clients) {
        this.clients = clients;
    }

    @GetMapping("/idp/ext/Logout")
    ModelAndView logout(@RequestParam(name = "client_id", required = false) String clientId,
                        @RequestParam(name = "redirect_url", required = false) String redirectUrl,
                        HttpServletRequest http) {
        Optional<RegisteredClient> client = clients.find(clientId);
        if (client.isEmpty()) {
            return ErrorPages.of(EsiaException.unknownClient(clientId));
        }
        if (!client.get().allowsLogoutRedirectTo(redirectUrl)) {
            return ErrorPages.of(EsiaException.redirectUriNotRegistered(clientId));
        }
        BrowserSession.authentication(http).ifPresent(signedIn ->
                log.info("Session {} logged out by client {}", signedIn.sid(), clientId));
        BrowserSession.end(http);
        return Redirects.to(redirectUrl);
    }
}
