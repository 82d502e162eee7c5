package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document (/v3/api-docs) says what body each operation reads: for every API handler
 * whose body is a record, the documented schema has exactly the record's fields. Found by
 * JsonInputsFuzzIT: two body types of one simple name (a direct payment's and a payment request's
 * {@code AgreementJson}, and a dozen more pairs) shared one schema, so the document showed
 * {@code POST /api/v1/direct-payments/{id}/agreement} with a payment request's fields. Schemas are now
 * named by their whole class name ({@code springdoc.use-fqn}).
 */
@IntegrationTest
class ApiDocsMatchTheCodeIT {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyDocumentedBodyHasTheFieldsTheCodeReads() {
        JsonNode docs = JsonMapper.builder().build().readTree(new Http(port).get("/v3/api-docs").body());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            Class<?> body = null;
            for (Parameter parameter : entry.getValue().getMethod().getParameters()) {
                if (parameter.isAnnotationPresent(RequestBody.class) && parameter.getType().isRecord()) {
                    body = parameter.getType();
                }
            }
            if (body == null) {
                continue;
            }
            Set<String> fields = new TreeSet<>();
            for (var component : body.getRecordComponents()) {
                fields.add(component.getName());
            }
            RequestMappingInfo info = entry.getKey();
            for (String path : info.getPathPatternsCondition().getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    JsonNode schema = docs.path("paths").path(path).path(method.name().toLowerCase()).path("requestBody")
                            .path("content").path("application/json").path("schema");
                    if (schema.isMissingNode()) {
                        continue; // not in the document (outside /api)
                    }
                    if (schema.has("$ref")) {
                        schema = docs.path("components").path("schemas").path(schema.get("$ref").asString().replaceFirst(".*/", ""));
                    }
                    Set<String> documented = new TreeSet<>();
                    schema.path("properties").propertyNames().forEach(documented::add);
                    checked++;
                    if (!documented.equals(fields)) {
                        wrong.add(method + " " + path + " reads " + body.getName() + " " + fields + " but the document says " + documented);
                    }
                }
            }
        }
        assertThat(checked).as("operations with a record body").isGreaterThan(50);
        assertThat(wrong).as("operations documented with another type's fields").isEmpty();
    }
}
