package org.dphub.letters;

import java.util.Locale;

/** The letters the service sends. Each has a shipped template in English and Welsh (resources/letters). */
public enum LetterKind {
    RETURN_DUE, QUESTION, SURPLUS_FOUND, REVIEW_DUE,
    /** The employer's liability insurance ends within 30 days: written by itself, once per policy and end date. */
    INSURANCE_RENEWAL,
    /**
     * Money left over was taken back: written when a finance officer recovers it, once per recovery,
     * with the working. Never sent on its own through the API: it would tell a person money was
     * taken that was not.
     */
    SURPLUS_RECOVERED,
    /** A provider asked the person to pay it from their direct payment (directory): once per request. */
    PAYMENT_REQUESTED,
    /** The organiser of a group purchase invited the person (directory): once per place. */
    GROUP_INVITED,
    /** The group purchase was confirmed: the member's share and the dates (directory): once per place. */
    GROUP_CONFIRMED,
    /** The member left a group purchase they had paid for: what they get back (directory): once per place. */
    GROUP_LEFT,
    /** Someone else left a confirmed group purchase: the member's own share stays the same (directory). */
    GROUP_MEMBER_LEFT,
    /** A council's "working / not working" survey round invites the person (feedback): once per round. */
    FEEDBACK_INVITED,
    /** The DP team replied to the person's request for help (help, issue 18): once per reply. */
    HELP_REPLIED,
    /** A PA is asked to cover a shift today or tomorrow (help, issue 18): to the PA, once per booking; never the employer's contact. */
    COVER_REQUESTED,
    /** The PA asked said yes: to the employer, with the PA's name, phone and email; once per booking (one answer). */
    COVER_ACCEPTED,
    /** The PA asked said no: to the employer, with where to find someone else; once per booking (one answer). */
    COVER_DECLINED,
    /**
     * Someone who acted for the person no longer does (a practitioner recorded it, people): to the person,
     * once per representative. Never written on its own: it would tell of a change nobody made.
     */
    REPRESENTATIVE_ENDED,
    /**
     * The same change told to the one who stopped acting (issue 17): from when, that they no longer see the person's
     * records, and how to ask for their details to be erased. By email, once per representative; never on its own.
     */
    REPRESENTATIVE_STOPPED;

    public String fileName(String language) {
        return "letters/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + language + ".txt";
    }

    /**
     * Whether staff may write this letter by itself (through the API); the rest are written by the work they report
     * (a survey invitation by the round that it invites to).
     */
    public boolean staffMayWrite() {
        return this != SURPLUS_RECOVERED && this != FEEDBACK_INVITED && this != HELP_REPLIED && this != REPRESENTATIVE_ENDED
                && this != REPRESENTATIVE_STOPPED
                && !writtenByCover()
                && !writtenByTheDirectory();
    }

    /** Written only when cover is asked for or answered: on its own it would tell of a shift nobody asked about. */
    public boolean writtenByCover() {
        return this == COVER_REQUESTED || this == COVER_ACCEPTED || this == COVER_DECLINED;
    }

    /** Written only when a provider asks for payment or a group purchase changes: on its own it would tell of things that never happened. */
    public boolean writtenByTheDirectory() {
        return this == PAYMENT_REQUESTED || this == GROUP_INVITED || this == GROUP_CONFIRMED || this == GROUP_LEFT
                || this == GROUP_MEMBER_LEFT;
    }
}
