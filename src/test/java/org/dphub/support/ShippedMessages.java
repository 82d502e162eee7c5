package org.dphub.support;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The shipped messages (English and Welsh) set up as the app sets them up, for unit tests without Spring. */
public final class ShippedMessages {

    private ShippedMessages() {
    }

    public static ResourceBundleMessageSource source() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setAlwaysUseMessageFormat(true);
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
