package org.dphub.councils;

import org.dphub.shared.Money;
import org.dphub.web.FormErrors;

/** The limits on each council setting, checked the same way for pages and the API. */
public final class CouncilSettingsRules {

    public static final Money MAX_LIMIT = Money.ofPounds(100_000);
    public static final Money MAX_HOURLY_RATE = Money.ofPounds(1_000);

    private CouncilSettingsRules() {
    }

    public static void check(CouncilSettings s, FormErrors errors) {
        between(errors, "selfApprovalLimit", s.selfApprovalLimit(), Money.ZERO, MAX_LIMIT);
        between(errors, "receiptsThreshold", s.receiptsThreshold(), Money.ZERO, MAX_LIMIT);
        between(errors, "surplusWeeks", s.surplusWeeks(), 1, 52);
        between(errors, "paHourlyRate", s.paHourlyRate(), Money.ofPence(1), MAX_HOURLY_RATE);
        between(errors, "agencyHourlyRate", s.agencyHourlyRate(), Money.ofPence(1), MAX_HOURLY_RATE);
        // regulation 7: never later than 6 months for the first review, 12 months between reviews
        between(errors, "firstReviewMonths", s.firstReviewMonths(), 1, CouncilSettings.MAX_FIRST_REVIEW_MONTHS);
        between(errors, "reviewIntervalMonths", s.reviewIntervalMonths(), 1, CouncilSettings.MAX_REVIEW_INTERVAL_MONTHS);
        between(errors, "targetDaysToMoney", s.targetDaysToMoney(), 1, 365);
    }

    private static void between(FormErrors errors, String field, Money value, Money min, Money max) {
        if (value.isLessThan(min) || value.isGreaterThan(max)) {
            errors.reject(field, "settings.error." + field + ".range", min.format(), max.format());
        }
    }

    private static void between(FormErrors errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.reject(field, "settings.error." + field + ".range", min, max);
        }
    }
}
