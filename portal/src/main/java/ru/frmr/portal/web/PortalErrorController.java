package ru.frmr.portal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** Errors outside the controllers (an unknown path, a refused method, a denied page) get the portal's page. */
@Controller
class PortalErrorController implements ErrorController {

    private final ErrorPage errorPage;

    PortalErrorController(ErrorPage errorPage) {
        this.errorPage = errorPage;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        response.setStatus(status);
        return errorPage.render(model, status, null);
    }

    /** Spring Security's access-denied page. */
    @RequestMapping("/error/{status:403|404}")
    String status(@PathVariable int status, HttpServletResponse response, Model model) {
        response.setStatus(status);
        return errorPage.render(model, status, null);
    }
}
