package org.dphub.letters;

/**
 * A letter filled in for one person but not written yet ({@link Letters#draft}): the caller can keep
 * its text with its own record (a surplus recovery keeps the letter that explained it) and then
 * have exactly this text written ({@link Letters#write}). A letter to a PA ({@link Letters#sendOnceToPa})
 * has a {@code paProfileId} and no {@code citizenId}; one to someone who acted for a person
 * ({@link Letters#sendOnceToRepresentative}) a {@code representativeId} and, in {@code aboutCitizenId}, the person.
 */
public record LetterDraft(long councilId, Long citizenId, Long paProfileId, Long representativeId, Long aboutCitizenId, LetterKind kind, String language, String channel, String recipient,
                          String subject, String body) {
}
