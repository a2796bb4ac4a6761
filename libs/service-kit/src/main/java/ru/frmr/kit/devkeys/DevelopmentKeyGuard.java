package ru.frmr.kit.devkeys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Outside the {@code local} and {@code test} profiles a service refuses to start when any of its properties
 * holds (as PEM, or as the bare base64 of its DER), or points to ({@code file:}, {@code classpath:}), one of the repository's {@link DevelopmentKeys}: its
 * signing keys, its ESIA client key and certificate, the ESIA certificate it trusts, its QES trust anchors, and
 * any key or certificate configured later, without each having to be listed here. The error names every such
 * property. It runs before any bean exists, so nothing has been signed or trusted with the key yet.
 */
public class DevelopmentKeyGuard implements EnvironmentPostProcessor, Ordered {

    private static final Profiles DEVELOPMENT = Profiles.of("local | test");
    // Spring's view of all the other sources at once; checking it would check every property twice.
    private static final String ATTACHED_SOURCE = "configurationProperties";
    // Key and certificate files are a few kilobytes; a property naming anything larger is not one.
    private static final long MAX_FILE_SIZE = 1024 * 1024;
    // A bare base64 value long enough to be a key's DER (the shortest, an Ed25519 PKCS#8, is 64 characters).
    private static final Pattern BARE_BASE64 = Pattern.compile("[A-Za-z0-9+/]{40,}={0,2}");

    private final ResourceLoader resources = new DefaultResourceLoader();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(DEVELOPMENT)) {
            return;
        }
        List<String> found = findDevelopmentKeys(environment);
        if (!found.isEmpty()) {
            throw new IllegalStateException("Development keys of the repository (infra/dev-keys) are configured "
                    + "outside the local and test profiles: " + String.join(", ", found)
                    + ". Configure this deployment's own keys and certificates.");
        }
    }

    /** {@code property (file)} for every property whose effective value is or names a development key. */
    List<String> findDevelopmentKeys(ConfigurableEnvironment environment) {
        List<String> found = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable) || source.getName().equals(ATTACHED_SOURCE)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                // Sources come in precedence order: only the first value of a name is the one in effect.
                if (!checked.add(name) || !(enumerable.getProperty(name) instanceof String raw)) {
                    continue;
                }
                developmentKeyIn(environment.resolvePlaceholders(raw))
                        .ifPresent(file -> found.add(name + " (" + file + ")"));
            }
        }
        return found;
    }

    private Optional<String> developmentKeyIn(String value) {
        if (value.contains("-----BEGIN")) {
            return DevelopmentKeys.find(value);
        }
        if (BARE_BASE64.matcher(value.trim()).matches()) {
            return DevelopmentKeys.findBase64Der(value);
        }
        for (String part : value.split(",")) {
            String location = part.trim();
            if (location.startsWith("file:") || location.startsWith("classpath:")) {
                Optional<String> file = read(location).flatMap(DevelopmentKeys::find);
                if (file.isPresent()) {
                    return file;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> read(String location) {
        Resource resource = resources.getResource(location);
        try {
            if (!resource.exists() || !resource.isReadable() || resource.contentLength() > MAX_FILE_SIZE) {
                return Optional.empty();
            }
            try (InputStream in = resource.getInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException unreadable) {
            // A location that cannot be read is reported by whatever uses it; it holds no key to refuse here.
            return Optional.empty();
        }
    }

    /** After the configuration files are read, so the active profiles and every property are known. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
