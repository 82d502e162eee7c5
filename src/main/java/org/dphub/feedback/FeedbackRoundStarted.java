package org.dphub.feedback;

/** A council started a survey round: its invitation letters are written once this has committed. */
public record FeedbackRoundStarted(long roundId, long councilId) {
}
