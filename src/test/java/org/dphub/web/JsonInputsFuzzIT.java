package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.web.AuthorisationMatrixIT.R;
import org.dphub.web.AuthorisationMatrixIT.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzing the JSON API's inputs (issue 17): every operation that takes a JSON body, sent broken
 * bodies by someone it lets in ({@link AuthorisationMatrixIT#MATRIX}, with its real ids). Each body
 * is built from the operation's own fields (from /v3/api-docs) with odd values and is broken on
 * purpose ({@link #bodies}), so it can never be a valid request and nothing is written. Every answer must be a refusal that says
 * what is wrong (4xx problem+json), never a 500.
 */
@IntegrationTest
class JsonInputsFuzzIT {

    static final int BODIES_PER_OPERATION = 8;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();
    final Map<String, UserDetails> principals = new LinkedHashMap<>();

    @Test
    void everyBrokenJsonBodyIsRefusedWithAProblemNeverA500() throws Exception {
        JsonNode docs = json.readTree(new Http(port).get("/v3/api-docs").body());
        Map<String, Row> table = new LinkedHashMap<>();
        for (String line : AuthorisationMatrixIT.MATRIX) {
            Row row = Row.parse(line);
            table.put(row.key(), row);
        }
        Random random = new Random(20261204L); // the same bodies every run: a failure can be run again
        List<String> wrong = new ArrayList<>();
        int asked = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (String method : List.of("post", "put", "patch")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null || !operation.path("requestBody").path("content").has(MediaType.APPLICATION_JSON_VALUE)) {
                    continue;
                }
                Row row = table.get(method.toUpperCase() + " " + path.getKey());
                R who = row == null ? null : row.allowed().stream().filter(r -> r != R.N).findFirst()
                        .orElse(row.allowed().contains(R.N) ? R.N : null);
                String real = fill(path.getKey());
                if (who == null || real == null) {
                    continue; // nobody may call it, or the demo has no record to call it on
                }
                Map<String, String> fields = fields(docs, operation.path("requestBody").path("content").path(MediaType.APPLICATION_JSON_VALUE)
                        .path("schema"));
                for (byte[] body : bodies(fields, random)) {
                    asked++;
                    MvcResult result = mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(method.toUpperCase()), real)
                            .with(SecurityMockMvcRequestPostProcessors.user(principal(who.england())))
                            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(body)).andReturn();
                    int status = result.getResponse().getStatus();
                    String type = String.valueOf(result.getResponse().getContentType());
                    if (status >= 500 || status < 400 || !type.contains("json")) {
                        wrong.add(method.toUpperCase() + " " + real + " as " + who.england() + ": " + status + " " + type + " to "
                                + shown(body) + " -> " + result.getResponse().getContentAsString());
                    }
                }
            }
        }
        assertThat(asked).as("broken bodies sent").isGreaterThan(300);
        assertThat(wrong).as("broken JSON bodies that were not refused with a problem").isEmpty();
    }

    /** The body's fields and their types, from the schema (or its $ref). */
    static Map<String, String> fields(JsonNode docs, JsonNode schema) {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replaceFirst(".*/", "");
            resolved = docs.path("components").path("schemas").path(name);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
            fields.put(property.getKey(), property.getValue().path("type").asString(""));
        }
        if (fields.isEmpty()) {
            fields.put("name", "");
        }
        return fields;
    }

    /**
     * Bodies that cannot be valid, whatever the operation: broken JSON (cut short, a missing colon, a
     * leading comma, single quotes, NaN, a key that is a script tag and not a string, nesting 5,000
     * deep), bytes that are not UTF-8, or a value no field of its type takes (an object where a
     * string, number or true/false must be). The other fields get odd values: -5, 1e9, 1e400, a
     * number past a long, an impossible date, 20,000 characters, a script tag.
     */
    static List<byte[]> bodies(Map<String, String> fields, Random random) {
        List<String> names = new ArrayList<>(fields.keySet());
        List<String> scalars = names.stream().filter(n -> List.of("string", "integer", "number", "boolean").contains(fields.get(n))).toList();
        List<String> odd = List.of("-5", "1e9", "1e400", "9223372036854775808", "-0.001", "\"<script>alert(1)</script>\"",
                "\"\"", "null", "true", "\"2026-02-30\"", "\"" + "x".repeat(20_000) + "\"", "[]");
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < BODIES_PER_OPERATION; i++) {
            StringBuilder body = new StringBuilder("{");
            List<String> shuffled = new ArrayList<>(names);
            java.util.Collections.shuffle(shuffled, random);
            for (int f = 0; f < shuffled.size(); f++) {
                body.append(f == 0 ? "" : ", ").append('"').append(shuffled.get(f)).append("\": ").append(odd.get(random.nextInt(odd.size())));
            }
            String whole = body.append('}').toString();
            String first = shuffled.get(0);
            String broken = switch (i) {
                case 0 -> whole.substring(0, 1 + random.nextInt(whole.length() - 1)); // cut short: the closing brace is gone
                case 1 -> whole.replaceFirst("\": ", "\" "); // a missing colon
                case 2 -> "{\"" + first + "\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
                case 3 -> "{," + whole.substring(1);
                case 4 -> whole.replace('"', '\'');
                case 5 -> "{<script>: 1, " + whole.substring(1);
                case 6 -> scalars.isEmpty() ? whole + "}"
                        : "{\"" + scalars.get(random.nextInt(scalars.size())) + "\": {\"a\": [1, {}]}}";
                default -> null;
            };
            if (broken == null) {
                byte[] bytes = ("{\"" + first + "\": \"ab\"}").getBytes(StandardCharsets.UTF_8);
                int at = bytes.length - 3; // inside the string: "a<bad>b"
                byte[] bad = new byte[bytes.length + 2];
                System.arraycopy(bytes, 0, bad, 0, at);
                bad[at] = (byte) 0xC3;
                bad[at + 1] = (byte) 0x28;
                System.arraycopy(bytes, at, bad, at + 2, bytes.length - at);
                bodies.add(bad);
            } else {
                bodies.add(broken.getBytes(StandardCharsets.UTF_8));
            }
        }
        return bodies;
    }

    static String shown(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    UserDetails principal(String username) {
        return principals.computeIfAbsent(username, users::loadUserByUsername);
    }

    String fill(String template) {
        Matcher variable = AuthorisationMatrixIT.VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String upTo = AuthorisationMatrixIT.VARIABLE.matcher(template.substring(0, variable.end())).replaceAll("{}");
            String sql = AuthorisationMatrixIT.IDS.get(upTo);
            String id = sql == null ? null : jdbc.sql(sql).query((rs, n) -> rs.getString(1)).optional().orElse(null);
            if (id == null) {
                return null;
            }
            variable.appendReplacement(path, Matcher.quoteReplacement(id));
        }
        variable.appendTail(path);
        return path.toString();
    }
}
