package ru.frmr.esia.emulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The emulator on a random port with a second redirect URI and logout URI added by properties on top of the
 * defaults, as other modules' tests add theirs. One annotation, so all suites share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "esia.clients[0].redirect-uris[1]=" + EmulatorTest.CALLBACK,
        "esia.clients[0].logout-redirect-uris[1]=" + EmulatorTest.PORTAL})
@interface EmulatorTest {

    /** Registered by the defaults. */
    String DEFAULT_CALLBACK = "http://localhost:8080/api/auth/esia/callback";
    /** Registered by the properties above. */
    String CALLBACK = "http://127.0.0.1:9/api/auth/esia/callback";
    String PORTAL = "http://127.0.0.1:9/";
}
