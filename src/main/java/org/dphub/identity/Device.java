package org.dphub.identity;

import java.io.Serializable;

/**
 * The device a session was signed in from, as a person would recognise it: a browser and a system
 * ("Firefox", "Android"), worked out from the browser's User-Agent when they signed in; either may
 * be unknown. Nothing else of the User-Agent is kept.
 */
public record Device(String browser, String system) implements Serializable {

    static final Device UNKNOWN = new Device(null, null);

    /** The browser and system named in a User-Agent header, where they are among the common ones. */
    static Device from(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String ua = userAgent.length() > 500 ? userAgent.substring(0, 500) : userAgent;
        String browser = ua.contains("Edg/") ? "Edge"
                : ua.contains("OPR/") ? "Opera"
                : ua.contains("SamsungBrowser/") ? "Samsung Internet"
                : ua.contains("Firefox/") || ua.contains("FxiOS/") ? "Firefox"
                : ua.contains("Chrome/") || ua.contains("CriOS/") ? "Chrome"
                : ua.contains("Safari/") ? "Safari"
                : null;
        String system = ua.contains("iPhone") ? "iPhone"
                : ua.contains("iPad") ? "iPad"
                : ua.contains("Android") ? "Android"
                : ua.contains("Windows") ? "Windows"
                : ua.contains("CrOS") ? "ChromeOS"
                : ua.contains("Mac OS X") || ua.contains("Macintosh") ? "Mac"
                : ua.contains("Linux") ? "Linux"
                : null;
        return new Device(browser, system);
    }
}
