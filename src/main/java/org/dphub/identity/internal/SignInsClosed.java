package org.dphub.identity.internal;

import java.util.List;

/**
 * Sign-ins an erasure has just closed (issue 17), by the usernames they were signed in with: once the
 * erasure is committed, their sessions end ({@link SessionsOfClosedSignIns}), on every device.
 */
public record SignInsClosed(List<String> usernames) {
    public SignInsClosed {
        usernames = List.copyOf(usernames);
    }
}
