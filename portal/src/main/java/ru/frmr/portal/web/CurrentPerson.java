package ru.frmr.portal.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import ru.frmr.portal.login.SignedIn;

/** Every page knows who is signed in ({@code me}, null for a visitor): the header and the menu depend on it. */
@ControllerAdvice
class CurrentPerson {

    @ModelAttribute("me")
    SignedIn me() {
        return signedIn();
    }

    static SignedIn signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedIn person ? person : null;
    }
}
