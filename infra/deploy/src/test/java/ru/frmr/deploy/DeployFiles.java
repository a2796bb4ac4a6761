package ru.frmr.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/** The module's files, read as the tests need them: YAML documents as JSON trees, the vendored schemas. */
final class DeployFiles {

    // Surefire runs in the module's directory, infra/deploy.
    static final Path MODULE = Path.of(".");
    static final Path REPOSITORY = Path.of("../..");
    static final Path K8S = MODULE.resolve("k8s");
    static final Path COMPOSE = MODULE.resolve("compose");
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An environment variable whose name says it holds a secret. Such a variable may only be given by reference
     * (a Secret, a secret file, a {@code file:} location, a placeholder), never as a literal value.
     */
    static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|SECRET|PASSWORD|PEPPER|TOKEN|PASSPHRASE|CREDENTIAL).*");

    private DeployFiles() {
    }

    /** Every YAML document of the file (merge keys resolved, as Compose and kubectl read them), empty ones left out. */
    static List<JsonNode> documents(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<JsonNode> documents = new ArrayList<>();
        try {
            for (Object document : yaml.loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
                if (document != null) {
                    documents.add(JSON.valueToTree(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static JsonNode document(Path file) {
        List<JsonNode> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " documents, not one");
        }
        return documents.get(0);
    }

    static JsonNode resource(String name) {
        try (InputStream in = Objects.requireNonNull(DeployFiles.class.getResourceAsStream(name), name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema schema(SpecVersion.VersionFlag version, JsonNode schema, boolean formatAssertions) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(formatAssertions)
                .preloadJsonSchema(false).build();
        return JsonSchemaFactory.getInstance(version).getSchema(schema, config);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
