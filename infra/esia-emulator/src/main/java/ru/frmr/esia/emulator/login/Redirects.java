package ru.frmr.esia.emulator.login;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/** 302 responses to a client's URI with parameters added to its query, in the order given. */
final class Redirects {

    private Redirects() {
    }

    /** Values are form-encoded, as ESIA does ({@code error_description=ESIA-007053%3A+...}). */
    @SafeVarargs
    static ModelAndView to(String uri, Map.Entry<String, String>... parameters) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(uri);
        for (Map.Entry<String, String> parameter : parameters) {
            builder.queryParam(parameter.getKey(), URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        }
        RedirectView view = new RedirectView(builder.build(true).toUriString());
        // A registered URI is sent as registered, even if it happens to contain braces.
        view.setExpandUriTemplateVariables(false);
        return new ModelAndView(view);
    }
}
