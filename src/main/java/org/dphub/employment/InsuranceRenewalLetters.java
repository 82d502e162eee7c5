package org.dphub.employment;

import java.util.Map;
import org.dphub.letters.LetterKind;
import org.dphub.letters.Letters;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The employer's liability insurance ends within 30 days: the person gets an INSURANCE_RENEWAL
 * letter in their language, the way they prefer. Runs after the reminder commits, from Spring
 * Modulith's event publication registry in PostgreSQL; the letter's key (employer, policy, end
 * date) makes a redelivered event write nothing twice.
 */
@Component
class InsuranceRenewalLetters {

    private final Letters letters;

    InsuranceRenewalLetters(Letters letters) {
        this.letters = letters;
    }

    @ApplicationModuleListener
    void on(EmployerInsuranceEnding ending) {
        letters.sendOnce(ending.councilId(), ending.citizenId(), LetterKind.INSURANCE_RENEWAL,
                Map.of("date", ending.expiresOn().toString(), "policy", ending.policyNumber(), "insurer", ending.insurer()),
                "insurance-renewal:" + ending.citizenId() + ":" + ending.policyNumber() + ":" + ending.expiresOn());
    }
}
