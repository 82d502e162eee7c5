package org.dphub.peersupport;

import java.time.Instant;
import java.util.List;

/** A post in the moderation queue with the reports not yet acted on, oldest first. */
public record ReportedPost(Post post, String questionTitle, List<Report> reports) {

    public record Report(String reason, Instant at) {
    }
}
