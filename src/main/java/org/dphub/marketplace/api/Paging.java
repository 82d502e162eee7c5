package org.dphub.marketplace.api;

import java.util.Locale;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;

/** limit from 1 to 100 (default 20), offset from 0. */
final class Paging {

    static final int MAX_LIMIT = 100;

    private Paging() {
    }

    static void check(int limit, int offset, MessageSource messages) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.reject("limit", "marketplace.error.limit");
        }
        if (offset < 0 || offset > 10_000) {
            errors.reject("offset", "marketplace.error.limit");
        }
        errors.throwIfAny();
    }
}
