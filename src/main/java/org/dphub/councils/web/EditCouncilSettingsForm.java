package org.dphub.councils.web;

import org.dphub.councils.CouncilSettings;
import org.dphub.councils.VersionedSettings;

/** What the settings form sends: text as typed, read and checked by {@link CouncilSettingsController}. */
public record EditCouncilSettingsForm(
        String selfApprovalLimit, String receiptsThreshold, String returnPeriod, String surplusWeeks,
        String paymentFrequency, String paHourlyRate, String agencyHourlyRate, String firstReviewMonths,
        String reviewIntervalMonths, String contributionBasis, String targetDaysToMoney, String welshLanguage,
        String oneOffMaximum, String contactPhone, String contactEmail, String cldLaCode, String helpReplyTargetWorkingDays,
        Long version, String transitionNoticeDays) {

    static EditCouncilSettingsForm of(VersionedSettings current, int transitionNoticeDays) {
        CouncilSettings s = current.settings();
        return new EditCouncilSettingsForm(s.selfApprovalLimit().toPlainString(), s.receiptsThreshold().toPlainString(),
                s.returnPeriod().name(), Integer.toString(s.surplusWeeks()), s.paymentFrequency().name(),
                s.paHourlyRate().toPlainString(), s.agencyHourlyRate().toPlainString(),
                Integer.toString(s.firstReviewMonths()), Integer.toString(s.reviewIntervalMonths()),
                s.contributionBasis().name(), Integer.toString(s.targetDaysToMoney()),
                Boolean.toString(s.welshLanguage()), s.oneOffMaximum().toPlainString(),
                s.contact().phone() == null ? "" : s.contact().phone(), s.contact().email() == null ? "" : s.contact().email(),
                s.cldLaCode() == null ? "" : s.cldLaCode(), Integer.toString(s.helpReplyTargetWorkingDays()), current.version(),
                Integer.toString(transitionNoticeDays));
    }
}
