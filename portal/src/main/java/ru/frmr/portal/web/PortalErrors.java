package ru.frmr.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.PlatformUnavailableException;
import ru.frmr.portal.api.SessionExpiredException;
import ru.frmr.portal.login.SignIn;
import ru.frmr.portal.login.SignedIn;

/**
 * What the person sees when a page cannot be built: the portal's error page in its design, never raw JSON; and
 * when their platform session is over, the login, after which they come back to the page they were on.
 */
@ControllerAdvice
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

    private final ErrorPage errorPage;
    private final SignIn signIn;
    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

    PortalErrors(ErrorPage errorPage, SignIn signIn) {
        this.errorPage = errorPage;
        this.signIn = signIn;
    }

    @ExceptionHandler(SessionExpiredException.class)
    String sessionExpired(HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        signIn.close(authentication != null && authentication.getPrincipal() instanceof SignedIn person
                ? person : null, request);
        if ("GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null) {
            // A fresh session remembers the page, so the login brings the person back to it.
            request.getSession(true);
            requestCache.saveRequest(request, response);
        }
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", "/login");
            return "fragments :: empty";
        }
        return "redirect:/login";
    }

    @ExceptionHandler(ApiProblem.class)
    String apiProblem(ApiProblem problem, Model model, HttpServletResponse response) {
        int status = switch (problem.status()) {
            case 400, 403, 404, 409, 410, 422, 423, 429 -> problem.status();
            default -> problem.status() >= 500 ? 502 : 400;
        };
        if (status >= 500) {
            log.warn("the platform answered {} ({}) to a page's call", problem.status(), problem.type());
        }
        response.setStatus(status);
        model.addAttribute("detail", status < 500 ? problem.detail() : null);
        return errorPage.render(model, status, problem.retryAfterSeconds());
    }

    @ExceptionHandler(PlatformUnavailableException.class)
    String unavailable(PlatformUnavailableException e, Model model, HttpServletResponse response) {
        log.warn("the gateway could not be reached: {}", e.getCause().toString());
        response.setStatus(503);
        return errorPage.render(model, 503, null);
    }

    @ExceptionHandler({NoResourceFoundException.class, MethodArgumentTypeMismatchException.class})
    String notFound(Model model, HttpServletResponse response) {
        response.setStatus(404);
        return errorPage.render(model, 404, null);
    }

    @ExceptionHandler(Exception.class)
    String failure(Exception e, Model model, HttpServletResponse response) {
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            // Spring MVC's own refusals (a method the page does not take, a missing parameter, …) are the
            // browser's mistake, not a failure: their status and headers (Allow on a 405), on the portal's page.
            refused.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setStatus(refused.getStatusCode().value());
            return errorPage.render(model, refused.getStatusCode().value(), null);
        }
        log.error("a page failed", e);
        response.setStatus(500);
        return errorPage.render(model, 500, null);
    }
}
