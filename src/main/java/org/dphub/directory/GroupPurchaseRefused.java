package org.dphub.directory;

/**
 * A group purchase cannot do what was asked. Carries the rule's name for API callers
 * ({@code CONSENT_MISSING}, {@code GROUP_FULL}, ...), the HTTP status it is answered with, the field it
 * concerns (or null), and a message key with arguments so pages say it in the reader's language.
 */
public class GroupPurchaseRefused extends RuntimeException {

    private final String rule;
    private final int status;
    private final String field;
    private final String messageKey;
    private final transient Object[] args;
    private final transient Object details;

    public GroupPurchaseRefused(String rule, int status, String field, String messageKey, Object[] args, Object details) {
        super(rule);
        this.rule = rule;
        this.status = status;
        this.field = field;
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
        this.details = details;
    }

    public GroupPurchaseRefused(String rule, int status, String field, String messageKey, Object... args) {
        this(rule, status, field, messageKey, args, null);
    }

    public String rule() {
        return rule;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Anything more an API caller needs (the members who have not consented). */
    public Object details() {
        return details;
    }
}
