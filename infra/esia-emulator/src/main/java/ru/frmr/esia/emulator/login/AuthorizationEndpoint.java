package ru.frmr.esia.emulator.login;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import ru.frmr.esia.emulator.client.RegisteredClient;
import ru.frmr.esia.emulator.oauth.AuthorizationCodes;
import ru.frmr.esia.emulator.oauth.AuthorizationRequest;
import ru.frmr.esia.emulator.oauth.AuthorizationRequests;
import ru.frmr.esia.emulator.oauth.EsiaException;

/**
 * {@code GET /aas/oauth2/v2/ac}: checks the client's signed request, then sends the browser to the login pages,
 * or straight back with a code when it is already signed in.
 */
@Controller
class AuthorizationEndpoint {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationEndpoint.class);

    private final AuthorizationRequests requests;
    private final AuthorizationCodes codes;

    AuthorizationEndpoint(AuthorizationRequests requests, AuthorizationCodes codes) {
        this.requests = requests;
        this.codes = codes;
    }

    @GetMapping("/aas/oauth2/v2/ac")
    ModelAndView authorize(@RequestParam Map<String, String> parameters, HttpServletRequest http) {
        RegisteredClient client;
        try {
            client = requests.client(parameters);
        } catch (EsiaException e) {
            log.info("Authorization request rejected, shown to the person: {}", e.description());
            return ErrorPages.of(e);
        }
        AuthorizationRequest request;
        try {
            request = requests.validate(client, parameters);
        } catch (EsiaException e) {
            log.info("Authorization request of client {} rejected: {}", client.id(), e.description());
            return Redirects.to(parameters.get("redirect_uri"), Map.entry("error", e.error()),
                    Map.entry("error_description", e.description()),
                    Map.entry("state", parameters.getOrDefault("state", "")));
        }
        return BrowserSession.authentication(http)
                .map(signedIn -> {
                    log.info("Authorization for client {} within signed-in session {}", client.id(), signedIn.sid());
                    return Redirects.to(request.redirectUri(), Map.entry("code", codes.issue(request, signedIn)),
                            Map.entry("state", request.state()));
                })
                .orElseGet(() -> {
                    BrowserSession.startFlow(http, new LoginFlow(request));
                    return new ModelAndView("redirect:/idp/login");
                });
    }
}
