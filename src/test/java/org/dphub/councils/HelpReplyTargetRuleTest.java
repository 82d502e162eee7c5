package org.dphub.councils;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.dphub.support.ShippedMessages;
import org.dphub.web.FormErrors;
import org.junit.jupiter.api.Test;

/** Issue 18: the target for a first answer to a request for help is 1 to 20 working days, 2 unless a council chooses. */
class HelpReplyTargetRuleTest {

    static FormErrors check(int target) {
        var messages = ShippedMessages.source();
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        CouncilSettings defaults = CouncilSettings.defaults(false);
        CouncilSettingsRules.check(new CouncilSettings(defaults.selfApprovalLimit(), defaults.receiptsThreshold(),
                defaults.returnPeriod(), defaults.surplusWeeks(), defaults.paymentFrequency(), defaults.paHourlyRate(),
                defaults.agencyHourlyRate(), defaults.firstReviewMonths(), defaults.reviewIntervalMonths(),
                defaults.contributionBasis(), defaults.targetDaysToMoney(), false, defaults.oneOffMaximum(), defaults.contact(),
                target), errors);
        return errors;
    }

    @Test
    void twoWorkingDaysUnlessTheCouncilChoosesBetweenOneAndTwenty() {
        assertThat(CouncilSettings.defaults(true).helpReplyTargetWorkingDays()).isEqualTo(2);
        assertThat(check(1).isEmpty()).isTrue();
        assertThat(check(20).isEmpty()).isTrue();
        assertThat(check(0).message("helpReplyTargetWorkingDays")).isEqualTo("Enter a number of working days between 1 and 20");
        assertThat(check(21).message("helpReplyTargetWorkingDays")).isEqualTo("Enter a number of working days between 1 and 20");
    }
}
