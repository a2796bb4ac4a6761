package ru.frmr.esia.emulator.login;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import ru.frmr.esia.emulator.config.EsiaProperties;
import ru.frmr.esia.emulator.oauth.Authentication;
import ru.frmr.esia.emulator.oauth.AuthorizationCodes;
import ru.frmr.esia.emulator.oauth.AuthorizationRequest;
import ru.frmr.esia.emulator.person.Person;
import ru.frmr.esia.emulator.person.TestPeople;

/**
 * The pages a person goes through after the authorization request: login and password, then the one-time code
 * ESIA would send by SMS. Both forms carry the flow's CSRF token; wrong entries are limited per flow.
 */
@Controller
@RequestMapping("/idp")
class LoginController {

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);
    private static final List<String> LOGINS = TestPeople.ALL.stream().map(Person::login).toList();

    private final AuthorizationCodes codes;
    private final Clock clock;
    private final int maxAttempts;

    LoginController(AuthorizationCodes codes, Clock clock, EsiaProperties properties) {
        this.codes = codes;
        this.clock = clock;
        this.maxAttempts = properties.maxAttempts();
    }

    @GetMapping("/login")
    ModelAndView loginPage(HttpServletRequest http) {
        return BrowserSession.flow(http).map(flow -> loginForm(flow, null)).orElseGet(LoginController::noFlow);
    }

    @PostMapping("/login")
    ModelAndView login(@RequestParam(defaultValue = "") String login,
                       @RequestParam(defaultValue = "") String password,
                       @RequestParam(name = "_csrf", required = false) String csrf, HttpServletRequest http) {
        Optional<LoginFlow> found = BrowserSession.flow(http);
        if (found.isEmpty()) {
            return noFlow();
        }
        LoginFlow flow = found.get();
        if (!flow.csrfMatches(csrf)) {
            return csrfRejected();
        }
        Optional<Person> person = TestPeople.byLogin(login).filter(p -> TestPeople.PASSWORD.equals(password));
        if (person.isEmpty()) {
            int failures = flow.passwordFailed();
            log.info("Wrong login or password for client {} ({} of {})", flow.request().client().id(), failures,
                    maxAttempts);
            return failures >= maxAttempts ? tooManyAttempts(http) : loginForm(flow, "Неверный логин или пароль");
        }
        flow.passwordVerified(person.get().oid());
        return new ModelAndView("redirect:/idp/otp");
    }

    @GetMapping("/otp")
    ModelAndView codePage(HttpServletRequest http) {
        Optional<LoginFlow> flow = BrowserSession.flow(http);
        if (flow.isEmpty()) {
            return noFlow();
        }
        return flow.get().verifiedOid().isPresent()
                ? codeForm(flow.get(), null)
                : new ModelAndView("redirect:/idp/login");
    }

    @PostMapping("/otp")
    ModelAndView confirm(@RequestParam(defaultValue = "") String code,
                         @RequestParam(name = "_csrf", required = false) String csrf, HttpServletRequest http) {
        Optional<LoginFlow> found = BrowserSession.flow(http);
        if (found.isEmpty()) {
            return noFlow();
        }
        LoginFlow flow = found.get();
        if (!flow.csrfMatches(csrf)) {
            return csrfRejected();
        }
        OptionalLong oid = flow.verifiedOid();
        if (oid.isEmpty()) {
            return new ModelAndView("redirect:/idp/login");
        }
        if (!TestPeople.ONE_TIME_CODE.equals(code)) {
            int failures = flow.codeFailed();
            log.info("Wrong one-time code for client {} ({} of {})", flow.request().client().id(), failures,
                    maxAttempts);
            return failures >= maxAttempts ? tooManyAttempts(http) : codeForm(flow, "Неверный код подтверждения");
        }
        Authentication authentication = new Authentication(oid.getAsLong(), UUID.randomUUID().toString(),
                clock.instant());
        BrowserSession.signIn(http, authentication);
        log.info("Person {} signed in, session {}", authentication.oid(), authentication.sid());
        AuthorizationRequest request = flow.request();
        return Redirects.to(request.redirectUri(), Map.entry("code", codes.issue(request, authentication)),
                Map.entry("state", request.state()));
    }

    private static ModelAndView loginForm(LoginFlow flow, String error) {
        ModelAndView page = new ModelAndView("login");
        page.addObject("clientId", flow.request().client().id());
        page.addObject("csrf", flow.csrfToken());
        page.addObject("logins", LOGINS);
        page.addObject("error", error);
        return page;
    }

    private static ModelAndView codeForm(LoginFlow flow, String error) {
        ModelAndView page = new ModelAndView("otp");
        page.addObject("clientId", flow.request().client().id());
        page.addObject("csrf", flow.csrfToken());
        page.addObject("phone", TestPeople.byOid(flow.verifiedOid().orElseThrow()).map(Person::mobile)
                .map(LoginController::masked).orElse(""));
        page.addObject("codeHint", TestPeople.ONE_TIME_CODE);
        page.addObject("error", error);
        return page;
    }

    /** As on ESIA's page: only the operator code and the last two digits. */
    private static String masked(String mobile) {
        return "+7 (" + mobile.substring(2, 5) + ") ***-**-" + mobile.substring(mobile.length() - 2);
    }

    private ModelAndView tooManyAttempts(HttpServletRequest http) {
        BrowserSession.endFlow(http);
        return ErrorPages.page(HttpStatus.TOO_MANY_REQUESTS, "Слишком много попыток",
                "Вход прерван после " + maxAttempts + " неудачных попыток. Вернитесь в систему и начните вход заново.");
    }

    private static ModelAndView noFlow() {
        return ErrorPages.page(HttpStatus.BAD_REQUEST, "Вход не начат",
                "Нет начатого входа: вернитесь в систему и начните вход заново.");
    }

    private static ModelAndView csrfRejected() {
        return ErrorPages.page(HttpStatus.FORBIDDEN, "Запрос отклонён",
                "Форма устарела или отправлена не с этой страницы. Начните вход заново.");
    }
}
