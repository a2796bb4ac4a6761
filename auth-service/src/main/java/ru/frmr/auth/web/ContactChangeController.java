package ru.frmr.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.secondfactor.ContactChanges;

/**
 * The person confirms the new contacts the identity provider reported, with the code mailed to the e-mail the
 * account held before.
 */
@RestController
@RequestMapping("/api/auth/contact-change")
class ContactChangeController {

    private final ContactChanges contactChanges;

    ContactChangeController(ContactChanges contactChanges) {
        this.contactChanges = contactChanges;
    }

    @PostMapping("/confirm")
    ResponseEntity<Void> confirm(Caller caller, @Valid @RequestBody CodeRequest body, HttpServletRequest request) {
        contactChanges.confirm(caller.token(), body.code(), Requests.ip(request));
        return ResponseEntity.noContent().build();
    }
}
