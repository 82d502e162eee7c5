package org.dphub.councils;

import java.util.Map;
import org.dphub.shared.Money;
import org.dphub.web.FormErrors;

/** The limits on each council setting, checked the same way for pages and the API. */
public final class CouncilSettingsRules {

    public static final Money MAX_LIMIT = Money.ofPounds(100_000);
    public static final Money MAX_HOURLY_RATE = Money.ofPounds(1_000);

    private record MoneyRange(Money min, Money max) {
    }

    private record WholeRange(int min, int max) {
    }

    private static final Map<String, MoneyRange> MONEY = Map.of(
            "selfApprovalLimit", new MoneyRange(Money.ZERO, MAX_LIMIT),
            "receiptsThreshold", new MoneyRange(Money.ZERO, MAX_LIMIT),
            "paHourlyRate", new MoneyRange(Money.ofPence(1), MAX_HOURLY_RATE),
            "agencyHourlyRate", new MoneyRange(Money.ofPence(1), MAX_HOURLY_RATE));

    private static final Map<String, WholeRange> WHOLE = Map.of(
            "surplusWeeks", new WholeRange(1, 52),
            // regulation 7: never later than 6 months for the first review, 12 months between reviews
            "firstReviewMonths", new WholeRange(1, CouncilSettings.MAX_FIRST_REVIEW_MONTHS),
            "reviewIntervalMonths", new WholeRange(1, CouncilSettings.MAX_REVIEW_INTERVAL_MONTHS),
            "targetDaysToMoney", new WholeRange(1, 365));

    private CouncilSettingsRules() {
    }

    public static void check(CouncilSettings s, FormErrors errors) {
        check("selfApprovalLimit", s.selfApprovalLimit(), errors);
        check("receiptsThreshold", s.receiptsThreshold(), errors);
        check("surplusWeeks", s.surplusWeeks(), errors);
        check("paHourlyRate", s.paHourlyRate(), errors);
        check("agencyHourlyRate", s.agencyHourlyRate(), errors);
        check("firstReviewMonths", s.firstReviewMonths(), errors);
        check("reviewIntervalMonths", s.reviewIntervalMonths(), errors);
        check("targetDaysToMoney", s.targetDaysToMoney(), errors);
    }

    /** Checks one amount, so a form can report every problem at once. */
    public static void check(String field, Money value, FormErrors errors) {
        MoneyRange range = MONEY.get(field);
        if (value.isLessThan(range.min()) || value.isGreaterThan(range.max())) {
            errors.reject(field, "settings.error." + field + ".range", range.min().format(), range.max().format());
        }
    }

    /** Checks one whole number, so a form can report every problem at once. */
    public static void check(String field, int value, FormErrors errors) {
        WholeRange range = WHOLE.get(field);
        if (value < range.min() || value > range.max()) {
            errors.reject(field, "settings.error." + field + ".range", range.min(), range.max());
        }
    }
}
