package ru.frmr.esia.emulator.rs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ru.frmr.esia.emulator.oauth.OAuthError;
import ru.frmr.esia.emulator.person.Person;
import ru.frmr.esia.emulator.person.TestPeople;
import ru.frmr.esia.emulator.rs.PersonViews.Collection;
import ru.frmr.esia.emulator.rs.PersonViews.ContactView;
import ru.frmr.esia.emulator.rs.PersonViews.DocumentView;
import ru.frmr.esia.emulator.rs.PersonViews.PersonView;
import ru.frmr.esia.emulator.rs.PersonViews.RoleView;

/**
 * ESIA's person REST API under {@code /rs/prns/{oid}}: only for the person the access token was issued for, and
 * only within its scopes.
 */
@RestController
@RequestMapping("/rs/prns/{oid}")
class PersonApiController {

    private static final String EMBED_ELEMENTS = "(elements)";

    private final AccessTokens tokens;

    PersonApiController(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    PersonView person(@PathVariable long oid, @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                      String authorization) {
        AccessGrant grant = tokens.verify(authorization);
        grant.require(oid, "fullname", "birthdate", "gender", "snils", "inn");
        return PersonView.of(person(oid), grant);
    }

    @GetMapping("/ctts")
    Collection contacts(@PathVariable long oid, @RequestParam(required = false) String embed,
                        @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return collection(embed, contacts(oid, authorization), ContactView::id);
    }

    @GetMapping("/ctts/{id}")
    ContactView contact(@PathVariable long oid, @PathVariable long id,
                        @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return contacts(oid, authorization).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(ApiException::notFound);
    }

    @GetMapping("/docs")
    Collection documents(@PathVariable long oid, @RequestParam(required = false) String embed,
                         @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return collection(embed, documents(oid, authorization), DocumentView::id);
    }

    @GetMapping("/docs/{id}")
    DocumentView document(@PathVariable long oid, @PathVariable long id,
                          @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return documents(oid, authorization).stream().filter(d -> d.id() == id).findFirst()
                .orElseThrow(ApiException::notFound);
    }

    /** Always embedded, as ESIA answers this one. */
    @GetMapping("/roles")
    Collection roles(@PathVariable long oid,
                     @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        tokens.verify(authorization).require(oid, "usr_org");
        return Collection.of(person(oid).roles().stream().map(RoleView::of).toList());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<OAuthError> refused(ApiException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.status().value() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + e.error() + "\"");
        }
        return response.body(new OAuthError(e.error(), e.getMessage()));
    }

    /** {@code email} reveals the e-mail, {@code mobile} the phone, {@code contacts} both. */
    private List<ContactView> contacts(long oid, String authorization) {
        AccessGrant grant = tokens.verify(authorization);
        grant.require(oid, "contacts", "email", "mobile");
        Person person = person(oid);
        List<ContactView> contacts = new ArrayList<>();
        if (grant.has("contacts") || grant.has("email")) {
            contacts.add(ContactView.email(person));
        }
        if (grant.has("contacts") || grant.has("mobile")) {
            contacts.add(ContactView.mobile(person));
        }
        return contacts;
    }

    private List<DocumentView> documents(long oid, String authorization) {
        tokens.verify(authorization).require(oid, "id_doc");
        return List.of(DocumentView.of(person(oid).passport()));
    }

    /** The token names this oid, and the emulator issues tokens only for fixture people. */
    private static Person person(long oid) {
        return TestPeople.byOid(oid).orElseThrow(ApiException::notFound);
    }

    private static <T> Collection collection(String embed, List<T> elements, ToLongFunction<T> id) {
        if (EMBED_ELEMENTS.equals(embed)) {
            return Collection.of(elements);
        }
        String self = ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString();
        return Collection.of(elements.stream().map(e -> self + "/" + id.applyAsLong(e)).toList());
    }
}
