package org.dphub.letters;

/**
 * A letter filled in for one person but not written yet ({@link Letters#draft}): the caller can keep
 * its text with its own record (a surplus recovery keeps the letter that explained it) and then
 * have exactly this text written ({@link Letters#write}).
 */
public record LetterDraft(long councilId, long citizenId, LetterKind kind, String language, String channel, String recipient,
                          String subject, String body) {
}
