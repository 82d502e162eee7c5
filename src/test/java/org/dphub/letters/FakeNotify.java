package org.dphub.letters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dphub.letters.internal.NotifyGateway;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A local HTTP server that answers like GOV.UK Notify's API v2, for the real Notify Java client:
 * {@code POST /v2/notifications/email|sms|letter} answers with the next status given (500 and 400
 * with Notify's error body, 201 with its response; {@link #SLOW}: takes the letter but answers 201
 * only after two seconds), then 201; {@code GET /v2/notifications?reference=}
 * lists what it accepted with that reference. It keeps every request.
 */
public final class FakeNotify implements AutoCloseable {

    /** Notify's key shape: {key name}-{service id}-{secret}, both UUIDs (made up here). */
    static final String API_KEY = "dphub_test-" + UUID.randomUUID() + "-" + UUID.randomUUID();
    public static final String EMAIL_TEMPLATE = UUID.randomUUID().toString();
    static final String TEXT_TEMPLATE = UUID.randomUUID().toString();
    /** Takes the letter, but its 201 comes two seconds later. */
    static final int SLOW = -201;

    public record Request(String method, String path, String query, String authorization, JSONObject body, int answered) {
    }

    private final HttpServer server;
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, String> accepted = new LinkedHashMap<>();
    private String badRequestMessage = "email_address Not a valid email address";

    /** Answers the next POSTs with these statuses in turn, then 201. */
    public FakeNotify(int... statuses) throws IOException {
        answer(statuses);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    synchronized FakeNotify answer(int... statuses) {
        for (int status : statuses) {
            answers.add(status);
        }
        return this;
    }

    public NotifyGateway.Account account() {
        return account(Duration.ofSeconds(5));
    }

    /** Our settings for this server, waiting {@code timeout} for an answer. */
    NotifyGateway.Account account(Duration timeout) {
        return new NotifyGateway.Account(API_KEY, "http://127.0.0.1:" + server.getAddress().getPort(), EMAIL_TEMPLATE, TEXT_TEMPLATE,
                timeout);
    }

    /** Every email it was asked to send to this address, in order. */
    public synchronized List<Request> emailsTo(String address) {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/email") && r.body() != null
                && address.equals(r.body().optString("email_address"))).toList();
    }

    /** Every POST that sent the letter with this reference, in order. */
    synchronized List<Request> sends(String reference) {
        return requests.stream().filter(r -> r.method().equals("POST") && r.body() != null
                && reference.equals(r.body().optString("reference"))).toList();
    }

    /** Notify's id for each time it accepted this reference (a letter sent twice would be here twice). */
    synchronized List<String> acceptedIds(String reference) {
        return sends(reference).stream().filter(r -> r.answered() == 201).map(r -> accepted.get(reference)).toList();
    }

    synchronized List<Request> lookups(String reference) {
        return requests.stream().filter(r -> r.method().equals("GET") && r.query() != null && r.query().contains(reference)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JSONObject body = text.isBlank() ? null : new JSONObject(text);
        int status;
        JSONObject answer;
        boolean slow = false;
        synchronized (this) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                status = 403;
                answer = errors(403, "AuthError", "Unauthorized: authentication token must be provided");
            } else if (method.equals("GET") && path.equals("/v2/notifications")) {
                status = 200;
                answer = list(reference(query));
            } else if (method.equals("POST") && path.startsWith("/v2/notifications/")) {
                status = answers.isEmpty() ? 201 : answers.poll();
                if (status == SLOW) {
                    status = 201;
                    slow = true;
                }
                answer = switch (status) {
                    case 201 -> accept(path.substring("/v2/notifications/".length()), body);
                    case 400 -> errors(400, "BadRequestError", badRequestMessage);
                    case 429 -> errors(429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds");
                    default -> errors(status, "Exception", "Internal server error");
                };
            } else {
                status = 404;
                answer = errors(404, "NotFound", "Not found");
            }
            requests.add(new Request(method, path, query, authorization, body, status));
        }
        if (slow) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] out = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private JSONObject accept(String type, JSONObject body) {
        String id = UUID.randomUUID().toString();
        String reference = body.optString("reference", null);
        accepted.put(reference, id);
        JSONObject template = new JSONObject().put("id", body.optString("template_id", EMAIL_TEMPLATE)).put("version", 1)
                .put("uri", "https://api.notifications.service.gov.uk/v2/template/" + body.optString("template_id", EMAIL_TEMPLATE));
        JSONObject personalisation = body.optJSONObject("personalisation") == null ? new JSONObject() : body.getJSONObject("personalisation");
        return switch (type) {
            case "email" -> new JSONObject().put("id", id).put("reference", reference).put("uri", "https://api.notifications.service.gov.uk/v2/notifications/" + id)
                    .put("template", template).put("content", new JSONObject().put("subject", personalisation.optString("subject"))
                            .put("body", personalisation.optString("body")).put("from_email", "dp-team@notifications.service.gov.uk"));
            case "sms" -> new JSONObject().put("id", id).put("reference", reference).put("uri", "https://api.notifications.service.gov.uk/v2/notifications/" + id)
                    .put("template", template).put("content", new JSONObject().put("body", personalisation.optString("body")).put("from_number", "GOVUK"));
            default -> new JSONObject().put("id", id).put("reference", reference).put("postage", "second");
        };
    }

    private JSONObject list(String reference) {
        JSONArray notifications = new JSONArray();
        String id = accepted.get(reference);
        if (id != null) {
            notifications.put(new JSONObject().put("id", id).put("reference", reference).put("email_address", "someone@example.com")
                    .put("type", "email").put("status", "delivered").put("body", "A letter").put("subject", "A letter")
                    .put("created_at", ZonedDateTime.now().toString())
                    .put("template", new JSONObject().put("id", EMAIL_TEMPLATE).put("version", 1)
                            .put("uri", "https://api.notifications.service.gov.uk/v2/template/" + EMAIL_TEMPLATE)));
        }
        return new JSONObject().put("notifications", notifications)
                .put("links", new JSONObject().put("current", "https://api.notifications.service.gov.uk/v2/notifications"));
    }

    private static String reference(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("reference=")) {
                    return URLDecoder.decode(pair.substring("reference=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static JSONObject errors(int status, String error, String message) {
        return new JSONObject().put("status_code", status)
                .put("errors", new JSONArray().put(new JSONObject().put("error", error).put("message", message)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
