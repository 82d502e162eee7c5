package org.dphub.letters.internal;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dphub.letters.Letter;
import org.json.JSONArray;
import org.json.JSONObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * GOV.UK Notify, through its own Java client, when DPHUB_NOTIFY_API_KEY is set (at
 * DPHUB_NOTIFY_BASE_URL, Notify's own address unless changed). Emails and texts use one generic
 * template each in the council's Notify service, with ((subject)) and ((body)); a posted letter goes
 * as a precompiled PDF. Every notification carries the letter's reference, {@code dphub-letter-{id}},
 * so a letter whose first attempt had no answer can be looked up before it is sent again.
 *
 * <p>Notify is never called inside a database transaction: a slow or failing Notify must not hold
 * a transaction open or undo business data, and a rollback must not leave a letter sent.
 *
 * <p>The client sets no timeouts of its own, so each call runs on its own thread and is given up
 * after DPHUB_NOTIFY_TIMEOUT (an answer that never comes counts as no answer, and the letter is
 * looked up by its reference before it is sent again).
 */
@Component
public class NotifyGateway {

    /** Notify's production API, the client's own default. */
    public static final String NOTIFY_API = "https://api.notifications.service.gov.uk";

    /** Where and how to reach Notify. An empty key means Notify is not set up. */
    public record Account(String apiKey, String baseUrl, String emailTemplate, String textTemplate, Duration timeout) {
        public Account {
            apiKey = apiKey == null ? "" : apiKey.strip();
            baseUrl = baseUrl == null || baseUrl.isBlank() ? NOTIFY_API : baseUrl.strip();
            emailTemplate = emailTemplate == null ? "" : emailTemplate.strip();
            textTemplate = textTemplate == null ? "" : textTemplate.strip();
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }
    }

    private final Account configured;
    private volatile Account account;
    /**
     * At most four calls at once: a call that never answers keeps its thread (a blocked socket read
     * cannot be interrupted), so the threads are capped and a call with none free counts as no answer.
     */
    private final ExecutorService calls = new ThreadPoolExecutor(0, 4, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
        Thread thread = new Thread(task, "notify-call");
        thread.setDaemon(true);
        return thread;
    });

    NotifyGateway(@Value("${dphub.notify.api-key:}") String apiKey,
                  @Value("${dphub.notify.base-url:" + NOTIFY_API + "}") String baseUrl,
                  @Value("${dphub.notify.email-template-id:}") String emailTemplate,
                  @Value("${dphub.notify.text-template-id:}") String textTemplate,
                  @Value("${dphub.notify.timeout:30s}") Duration timeout) {
        this.configured = new Account(apiKey, baseUrl, emailTemplate, textTemplate, timeout);
        this.account = configured;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        calls.shutdownNow();
    }

    public boolean configured() {
        return !account.apiKey().isEmpty();
    }

    /**
     * Points the gateway at another Notify (a fake one in a test) until {@link #useConfigured()}:
     * the tests share one Spring context, so they change where letters go rather than start another.
     */
    public void use(Account another) {
        this.account = another;
    }

    /** Back to the settings the app started with. */
    public void useConfigured() {
        this.account = configured;
    }

    /** Sends the letter (with its PDF, for a posted letter) and says what Notify answered. */
    public NotifyAnswer send(Letter letter, byte[] pdf) {
        Account to = account;
        String reference = reference(letter);
        Map<String, Object> personalisation = Map.of("subject", letter.subject(), "body", letter.body());
        return call(to, client -> switch (letter.channel()) {
            case "EMAIL" -> client.sendEmail(to.emailTemplate(), letter.recipient(), personalisation, reference).getNotificationId();
            case "TEXT" -> client.sendSms(to.textTemplate(), letter.recipient(), personalisation, reference).getNotificationId();
            default -> client.sendPrecompiledLetterWithInputStream(reference, new ByteArrayInputStream(pdf)).getNotificationId();
        });
    }

    /**
     * An email that must not be kept (a link that resets a password): sent through the same generic
     * template, at once and not through the outbox, and not written anywhere. Outside a transaction.
     */
    public NotifyAnswer sendEmail(String to, String subject, String body, String reference) {
        Account account = this.account;
        return call(account, client -> client.sendEmail(account.emailTemplate(), to, Map.of("subject", subject, "body", body), reference)
                .getNotificationId());
    }

    /**
     * Whether Notify already has a notification with the letter's reference (an earlier attempt
     * reached it, but its answer never reached us): accepted with its id; empty if it has none;
     * not accepted if Notify could not be asked.
     */
    public Optional<NotifyAnswer> findSent(Letter letter) {
        Account to = account;
        return Optional.ofNullable(call(to, client -> {
            List<Notification> notifications = client.getNotifications(null, null, reference(letter), null).getNotifications();
            return notifications.isEmpty() ? null : notifications.get(0).getId();
        }));
    }

    public static String reference(Letter letter) {
        return "dphub-letter-" + letter.id();
    }

    /** One request to Notify; its notification's id, or null when a lookup finds none. */
    private interface NotifyCall {
        java.util.UUID call(NotificationClient client) throws NotificationClientException;
    }

    /** Notify's answer to the call; null when it found nothing (a lookup by reference only). */
    private NotifyAnswer call(Account to, NotifyCall call) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("GOV.UK Notify is never called inside a database transaction");
        }
        Callable<NotifyAnswer> task = () -> {
            NotificationClient client;
            try {
                client = new NotificationClient(to.apiKey(), to.baseUrl());
            } catch (RuntimeException badKey) {
                return NotifyAnswer.notAccepted(403, "The GOV.UK Notify API key is not in the right form (name-{service id}-{secret})");
            }
            try {
                java.util.UUID id = call.call(client);
                return id == null ? null : NotifyAnswer.accepted(id.toString());
            } catch (NotificationClientException e) {
                return NotifyAnswer.notAccepted(e.getHttpResult(), said(e));
            }
        };
        Future<NotifyAnswer> answer;
        try {
            answer = calls.submit(task);
        } catch (RejectedExecutionException busy) {
            return NotifyAnswer.notAccepted(0, "GOV.UK Notify has not answered our earlier calls yet");
        }
        try {
            return answer.get(to.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return NotifyAnswer.notAccepted(0, "No answer within " + to.timeout().toSeconds() + " seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return NotifyAnswer.notAccepted(0, "Stopped while waiting for an answer");
        } catch (ExecutionException e) {
            return NotifyAnswer.notAccepted(0, String.valueOf(e.getCause()));
        }
    }

    /**
     * What Notify said: the messages of its error body ({"errors": [{"error", "message"}]}), or the
     * client's own words (a connection refused or reset: no answer).
     */
    static String said(NotificationClientException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int json = message.indexOf('{');
        if (json >= 0) {
            try {
                JSONArray errors = new JSONObject(message.substring(json)).getJSONArray("errors");
                List<String> said = new ArrayList<>();
                for (int i = 0; i < errors.length(); i++) {
                    said.add(errors.getJSONObject(i).optString("message", errors.getJSONObject(i).optString("error")));
                }
                if (!said.isEmpty()) {
                    return String.join("; ", said);
                }
            } catch (RuntimeException notJson) {
                // fall through to the client's own words
            }
        }
        if (e.getHttpResult() == 0 && e.getCause() != null) {
            return e.getCause().toString();
        }
        return message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
