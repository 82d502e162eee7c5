package org.dphub.councils;

import org.dphub.shared.Money;

/**
 * A council's own choices. Defaults come from shared/DOMAIN.md; the statutory maximums of
 * regulation 7 (first review within 6 months, then at least every 12) can never be exceeded.
 */
public record CouncilSettings(
        Money selfApprovalLimit,
        Money receiptsThreshold,
        ReturnPeriod returnPeriod,
        int surplusWeeks,
        PaymentFrequency paymentFrequency,
        Money paHourlyRate,
        Money agencyHourlyRate,
        int firstReviewMonths,
        int reviewIntervalMonths,
        ContributionBasis contributionBasis,
        int targetDaysToMoney,
        boolean welshLanguage,
        Money oneOffMaximum,
        CouncilContact contact,
        String cldLaCode,
        int helpReplyTargetWorkingDays) {

    public CouncilSettings {
        contact = contact == null ? CouncilContact.NONE : contact;
        cldLaCode = cldLaCode == null || cldLaCode.isBlank() ? null : cldLaCode.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The settings before issues 16 and 18 added the Client Level Data code and the help target: none, and the default. */
    public CouncilSettings(Money selfApprovalLimit, Money receiptsThreshold, ReturnPeriod returnPeriod, int surplusWeeks,
                           PaymentFrequency paymentFrequency, Money paHourlyRate, Money agencyHourlyRate,
                           int firstReviewMonths, int reviewIntervalMonths, ContributionBasis contributionBasis,
                           int targetDaysToMoney, boolean welshLanguage, Money oneOffMaximum, CouncilContact contact) {
        this(selfApprovalLimit, receiptsThreshold, returnPeriod, surplusWeeks, paymentFrequency, paHourlyRate,
                agencyHourlyRate, firstReviewMonths, reviewIntervalMonths, contributionBasis, targetDaysToMoney,
                welshLanguage, oneOffMaximum, contact, null, DEFAULT_HELP_REPLY_TARGET_WORKING_DAYS);
    }

    /** The settings with a Client Level Data code, before issue 18 added the help target: its default. */
    public CouncilSettings(Money selfApprovalLimit, Money receiptsThreshold, ReturnPeriod returnPeriod, int surplusWeeks,
                           PaymentFrequency paymentFrequency, Money paHourlyRate, Money agencyHourlyRate,
                           int firstReviewMonths, int reviewIntervalMonths, ContributionBasis contributionBasis,
                           int targetDaysToMoney, boolean welshLanguage, Money oneOffMaximum, CouncilContact contact, String cldLaCode) {
        this(selfApprovalLimit, receiptsThreshold, returnPeriod, surplusWeeks, paymentFrequency, paHourlyRate,
                agencyHourlyRate, firstReviewMonths, reviewIntervalMonths, contributionBasis, targetDaysToMoney,
                welshLanguage, oneOffMaximum, contact, cldLaCode, DEFAULT_HELP_REPLY_TARGET_WORKING_DAYS);
    }

    /** The settings with a help target and no Client Level Data code. */
    public CouncilSettings(Money selfApprovalLimit, Money receiptsThreshold, ReturnPeriod returnPeriod, int surplusWeeks,
                           PaymentFrequency paymentFrequency, Money paHourlyRate, Money agencyHourlyRate,
                           int firstReviewMonths, int reviewIntervalMonths, ContributionBasis contributionBasis,
                           int targetDaysToMoney, boolean welshLanguage, Money oneOffMaximum, CouncilContact contact, int helpReplyTargetWorkingDays) {
        this(selfApprovalLimit, receiptsThreshold, returnPeriod, surplusWeeks, paymentFrequency, paHourlyRate,
                agencyHourlyRate, firstReviewMonths, reviewIntervalMonths, contributionBasis, targetDaysToMoney,
                welshLanguage, oneOffMaximum, contact, null, helpReplyTargetWorkingDays);
    }

    /** Working days (Monday to Friday) to a first answer to a request for help, unless the council chooses otherwise. */
    public static final int DEFAULT_HELP_REPLY_TARGET_WORKING_DAYS = 2;

    /** The settings before issue 14 added the one-off maximum and the contact details: their defaults. */
    public CouncilSettings(Money selfApprovalLimit, Money receiptsThreshold, ReturnPeriod returnPeriod, int surplusWeeks,
                           PaymentFrequency paymentFrequency, Money paHourlyRate, Money agencyHourlyRate,
                           int firstReviewMonths, int reviewIntervalMonths, ContributionBasis contributionBasis,
                           int targetDaysToMoney, boolean welshLanguage) {
        this(selfApprovalLimit, receiptsThreshold, returnPeriod, surplusWeeks, paymentFrequency, paHourlyRate,
                agencyHourlyRate, firstReviewMonths, reviewIntervalMonths, contributionBasis, targetDaysToMoney,
                welshLanguage, DEFAULT_ONE_OFF_MAXIMUM, CouncilContact.NONE, null, DEFAULT_HELP_REPLY_TARGET_WORKING_DAYS);
    }

    /** The most one one-off payment may be unless the council chooses otherwise: £10,000.00. */
    public static final Money DEFAULT_ONE_OFF_MAXIMUM = Money.ofPence(1_000_000);

    /** The same settings with these contact details for the direct payments team. */
    public CouncilSettings withContact(CouncilContact newContact) {
        return new CouncilSettings(selfApprovalLimit, receiptsThreshold, returnPeriod, surplusWeeks, paymentFrequency,
                paHourlyRate, agencyHourlyRate, firstReviewMonths, reviewIntervalMonths, contributionBasis,
                targetDaysToMoney, welshLanguage, oneOffMaximum, newContact, cldLaCode, helpReplyTargetWorkingDays);
    }

    /** The same settings with this Client Level Data code (blank or null: none). */
    public CouncilSettings withCldLaCode(String code) {
        return new CouncilSettings(selfApprovalLimit, receiptsThreshold, returnPeriod, surplusWeeks, paymentFrequency,
                paHourlyRate, agencyHourlyRate, firstReviewMonths, reviewIntervalMonths, contributionBasis,
                targetDaysToMoney, welshLanguage, oneOffMaximum, contact, code, helpReplyTargetWorkingDays);
    }

    /** regulation 7(2)(a): a first review within the first 6 months */
    public static final int MAX_FIRST_REVIEW_MONTHS = 6;
    /** regulation 7(2)(b): then at intervals of no more than 12 months */
    public static final int MAX_REVIEW_INTERVAL_MONTHS = 12;

    /** The values as people read them, for the audit trail: "£500.00", "QUARTERLY", 6. */
    public java.util.Map<String, Object> auditValues() {
        var values = new java.util.LinkedHashMap<String, Object>();
        values.put("selfApprovalLimit", selfApprovalLimit.formatWithPence());
        values.put("receiptsThreshold", receiptsThreshold.formatWithPence());
        values.put("returnPeriod", returnPeriod.name());
        values.put("surplusWeeks", surplusWeeks);
        values.put("paymentFrequency", paymentFrequency.name());
        values.put("paHourlyRate", paHourlyRate.formatWithPence());
        values.put("agencyHourlyRate", agencyHourlyRate.formatWithPence());
        values.put("firstReviewMonths", firstReviewMonths);
        values.put("reviewIntervalMonths", reviewIntervalMonths);
        values.put("contributionBasis", contributionBasis.name());
        values.put("targetDaysToMoney", targetDaysToMoney);
        values.put("welshLanguage", welshLanguage);
        values.put("oneOffMaximum", oneOffMaximum.formatWithPence());
        values.put("contactPhone", contact.phone());
        values.put("contactEmail", contact.email());
        values.put("cldLaCode", cldLaCode);
        values.put("helpReplyTargetWorkingDays", helpReplyTargetWorkingDays);
        return values;
    }

    public static CouncilSettings defaults(boolean welshLanguage) {
        return new CouncilSettings(Money.ofPence(50_000), Money.ofPence(1_000), ReturnPeriod.QUARTERLY, 8,
                PaymentFrequency.FOUR_WEEKLY, Money.ofPence(1_328), Money.ofPence(1_867),
                MAX_FIRST_REVIEW_MONTHS, MAX_REVIEW_INTERVAL_MONTHS, ContributionBasis.NET, 28, welshLanguage,
                DEFAULT_ONE_OFF_MAXIMUM, CouncilContact.NONE, null, DEFAULT_HELP_REPLY_TARGET_WORKING_DAYS);
    }
}
