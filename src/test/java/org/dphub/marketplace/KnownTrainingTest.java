package org.dphub.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownTrainingTest {

    @Test
    void theCareCertificateAndItsStandardsAreKnownHoweverTheyAreTyped() {
        assertThat(KnownTraining.messageKey("Care Certificate")).isEqualTo("training.name.care-certificate");
        assertThat(KnownTraining.messageKey("the care certificate")).isEqualTo("training.name.care-certificate");
        assertThat(KnownTraining.messageKey("Standard 3: Duty of Care")).isEqualTo("training.name.duty-of-care");
        assertThat(KnownTraining.messageKey("Health & Safety")).isEqualTo("training.name.health-and-safety");
        assertThat(KnownTraining.messageKey("Work in a person centred way")).isEqualTo("training.name.work-in-a-person-centred-way");
        assertThat(KnownTraining.messageKey("Adult safeguarding")).isEqualTo("training.name.safeguarding-adults");
        assertThat(KnownTraining.messageKey("All Wales Induction Framework")).isEqualTo("training.name.all-wales-induction-framework");
        assertThat(KnownTraining.messageKey("Moving & handling")).isEqualTo("training.name.moving-and-handling");
    }

    @Test
    void anythingElseIsShownAsTyped() {
        assertThat(KnownTraining.messageKey("Moving and handling refresher")).isNull();
        assertThat(KnownTraining.messageKey("Duty of care for beginners")).isNull();
        assertThat(KnownTraining.messageKey("")).isNull();
        assertThat(KnownTraining.messageKey(null)).isNull();
    }
}
