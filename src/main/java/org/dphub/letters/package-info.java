/**
 * Letters to people, for every module: templates in English and Welsh (the council's own wording,
 * checked by {@link org.dphub.letters.LetterWording} and {@link org.dphub.letters.ReadingEase}),
 * the person's language and channel, accessible PDFs, and GOV.UK Notify — sent after the writing
 * transaction commits by a job that retries with back-off, or kept in the outbox when Notify is not
 * set up. Other modules use {@link org.dphub.letters.Letters}; this module depends on none of them
 * but people, councils, audit, web and shared, and identity, whose email with a link to choose a new
 * password it sends at once and keeps nowhere ({@code internal.PasswordResetEmailByNotify}).
 */
package org.dphub.letters;
