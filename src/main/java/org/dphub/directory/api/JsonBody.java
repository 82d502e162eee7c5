package org.dphub.directory.api;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the Open Referral answers (trees of ordered maps, lists, strings, UUIDs and numbers, as
 * {@link OpenReferralJson} builds them) straight to bytes in one pass with the application's own
 * {@link JsonMapper}'s generator: the same bytes Spring's message converter writes, without its
 * serializer look-up for every value of every map. Anything else is handed to the mapper.
 */
final class JsonBody {

    private final JsonMapper mapper;

    JsonBody(JsonMapper mapper) {
        this.mapper = mapper;
    }

    ResponseEntity<byte[]> ok(Object tree) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes(tree));
    }

    byte[] bytes(Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            write(generator, tree);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Object value) {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String text) {
            g.writeString(text);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof UUID id) {
            g.writeString(id.toString());
        } else if (value instanceof Integer n) {
            g.writeNumber(n);
        } else if (value instanceof Long n) {
            g.writeNumber(n);
        } else if (value instanceof BigDecimal n) {
            g.writeNumber(n);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writePOJO(value);
        }
    }
}
