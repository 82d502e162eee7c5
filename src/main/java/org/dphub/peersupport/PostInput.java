package org.dphub.peersupport;

/**
 * A question or an answer as typed (page or API). {@code title} is for questions only.
 * {@code displayName} is the name others see (kept for next time; needed the first time).
 * {@code confirmPersonalData}: the poster says a name with a date (or a date of birth) is nobody's
 * personal details — allowed only for those; numbers and addresses must be taken out.
 */
public record PostInput(String title, String text, String displayName, Boolean confirmPersonalData) {
}
