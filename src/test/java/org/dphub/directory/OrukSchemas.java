package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Referral UK 3.0 schemas from {@code ../shared/reference/open-referral-uk/schema}, and
 * checks of our JSON against them (formats asserted: uuid, email, uri, date-time).
 */
final class OrukSchemas {

    static final Path DIR = Path.of(System.getProperty("dphub.shared.dir", "../shared"), "reference", "open-referral-uk");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_PATH).build())
                    // file: schemas (and their relative $refs) read from the shared folder
                    .schemas(iri -> {
                        try {
                            return iri.startsWith("file:") ? Files.readString(Path.of(URI.create(iri))) : null;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private OrukSchemas() {
    }

    /** "compiled/service.json", "taxonomy.json", ... */
    static Schema schema(String file) {
        // by its file: URI, so a schema's relative $ref ("taxonomy_term.json") is found beside it
        return SCHEMAS.computeIfAbsent(file, f -> REGISTRY.getSchema(
                SchemaLocation.of(DIR.resolve("schema").resolve(f).toAbsolutePath().normalize().toUri().toString())));
    }

    static JsonNode read(String json) {
        return JSON.readTree(json);
    }

    /** The problems, as "$.path: message", of {@code node} against the schema file. */
    static List<String> problems(String file, JsonNode node) {
        List<String> problems = new ArrayList<>();
        for (Error e : schema(file).validate(node)) {
            problems.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return problems;
    }

    static void assertValid(String file, JsonNode node) {
        assertThat(problems(file, node)).as("%s against %s", node, file).isEmpty();
        assertNoNulls(node, "$");
    }

    /** A paged answer: the OpenAPI Page fields, then each item against the compiled list schema. */
    static void assertValidPage(String itemFile, JsonNode page) {
        assertThat(page.get("total_items").isIntegralNumber()).isTrue();
        assertThat(page.get("total_pages").isIntegralNumber()).isTrue();
        assertThat(page.get("page_number").isIntegralNumber()).isTrue();
        assertThat(page.get("size").isIntegralNumber()).isTrue();
        assertThat(page.get("first_page").isBoolean()).isTrue();
        assertThat(page.get("last_page").isBoolean()).isTrue();
        assertThat(page.get("empty").isBoolean()).isTrue();
        assertThat(page.get("contents").isArray()).isTrue();
        assertThat(page.get("size").asInt()).isEqualTo(page.get("contents").size());
        for (JsonNode item : page.get("contents")) {
            assertValid(itemFile, item);
        }
    }

    /** Empty optional fields are left out: no null anywhere. */
    static void assertNoNulls(JsonNode node, String path) {
        assertThat(node.isNull()).as("%s is null", path).isFalse();
        if (node.isObject()) {
            for (var field : node.properties()) {
                assertNoNulls(field.getValue(), path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertNoNulls(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
