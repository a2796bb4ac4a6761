package ru.frmr.esia.emulator.login;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

import ru.frmr.esia.emulator.oauth.EsiaException;

/** The page a person sees when the emulator cannot, or must not, send them back to the client. */
final class ErrorPages {

    private ErrorPages() {
    }

    static ModelAndView of(EsiaException e) {
        return page(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    static ModelAndView page(HttpStatus status, String title, String message) {
        return new ModelAndView("esia-error", Map.of("title", title, "message", message), status);
    }
}
