package org.dphub.letters.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.dphub.identity.PasswordResetEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The email with a link to choose a new password, in the person's language, through GOV.UK Notify's
 * generic email template. Unlike a letter it is not kept: not in the outbox, not in the database,
 * and not sent again when Notify does not take it (they can ask for another link).
 */
@Component
class PasswordResetEmailByNotify implements PasswordResetEmail {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetEmailByNotify.class);

    private final NotifyGateway notify;
    private final MessageSource messages;

    PasswordResetEmailByNotify(NotifyGateway notify, MessageSource messages) {
        this.notify = notify;
        this.messages = messages;
    }

    @Override
    public boolean send(String emailAddress, String language, String link, Duration validFor) {
        if (!notify.configured()) {
            return false;
        }
        Locale locale = "cy".equals(language) ? Locale.forLanguageTag("cy") : Locale.UK;
        String subject = messages.getMessage("password-reset.email.subject", null, locale);
        String body = messages.getMessage("password-reset.email.body", new Object[] {link, validFor.toMinutes()}, locale);
        NotifyAnswer answer = notify.sendEmail(emailAddress, subject, body, "dphub-password-reset-" + UUID.randomUUID());
        if (answer == null || answer.notifyId() == null) {
            log.warn("GOV.UK Notify did not take a password reset email: {}", answer == null ? "no answer" : answer.detail());
            return false;
        }
        return true;
    }
}
