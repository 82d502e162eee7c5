package org.dphub.marketplace;

import java.time.LocalDate;
import java.util.List;

/**
 * Training a PA has done, such as the Care Certificate (the induction standard for care workers)
 * with its modules. Not contact details: shown to the person's side with a match or an
 * introduction, before they connect. Stored in {@code pa_training}, replaced as a whole.
 */
public record TrainingRecord(String title, LocalDate completedOn, List<String> modules) {

    public static final int MAX_RECORDS = 20;
    public static final int MAX_TITLE = 120;
    public static final int MAX_MODULES = 30;
    public static final int MAX_MODULE = 80;
    /** Earlier dates are typing mistakes rather than training. */
    public static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    public TrainingRecord {
        modules = List.copyOf(modules);
    }

    /** Why a completion date cannot be right, or null. */
    public static DateProblem dateProblem(LocalDate completedOn, LocalDate today) {
        if (completedOn.isAfter(today)) {
            return DateProblem.FUTURE;
        }
        return completedOn.isBefore(EARLIEST) ? DateProblem.TOO_EARLY : null;
    }

    public enum DateProblem { FUTURE, TOO_EARLY }

    /** The message key of the course's name when it is one we know, like the Care Certificate, or null (shown as typed). */
    public String titleKey() {
        return KnownTraining.messageKey(title);
    }

    /** The message key of a module's name when it is one we know, like a Care Certificate standard, or null. */
    public String moduleKey(String module) {
        return KnownTraining.messageKey(module);
    }

    public java.util.Map<String, Object> auditValues() {
        return java.util.Map.of("title", title, "completedOn", completedOn.toString(), "modules", modules);
    }
}
