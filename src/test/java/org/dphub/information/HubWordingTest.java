package org.dphub.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class HubWordingTest {

    static final Locale EN = Locale.forLanguageTag("en");
    static final Locale CY = Locale.forLanguageTag("cy");

    @Test
    void plainWordsPass() {
        assertThat(HubWording.check("You can use the money for a gym. Ask us if you are not sure.", EN, true)).isEmpty();
    }

    @Test
    void hardEnglishIsRefusedNamingTheHardestSentence() {
        String text = "You can ask us. Notwithstanding the aforementioned administrative considerations, "
                + "individualised expenditure documentation necessitates comprehensive organisational verification procedures. We help.";
        HubWording.Problem problem = HubWording.check(text, EN, true).orElseThrow();
        assertThat(problem.key()).isEqualTo("information.error.ease");
        assertThat((String) problem.args().get(2)).startsWith("Notwithstanding the aforementioned");
    }

    @Test
    void threateningWordsAreRefusedInEitherLanguageNamingTheSentence() {
        HubWording.Problem english = HubWording.check("We like to help. A breach means we stop paying. Call us.", EN, true).orElseThrow();
        assertThat(english.key()).isEqualTo("information.error.threat");
        assertThat(english.args()).containsExactly("breach", "A breach means we stop paying.");

        HubWording.Problem welsh = HubWording.check("Rydyn ni'n helpu. Bydd dirwy os na fyddwch yn talu.", CY, false).orElseThrow();
        assertThat(welsh.args()).containsExactly("dirwy", "Bydd dirwy os na fyddwch yn talu.");
    }

    @Test
    void aScriptTagAndOtherMarkUpAreRefused() {
        assertThat(HubWording.check("Hello <script>alert(1)</script>", EN, true)).get()
                .extracting(HubWording.Problem::key).isEqualTo("information.error.script");
        assertThat(HubWording.check("Hello <b>there</b>", CY, false)).get()
                .extracting(HubWording.Problem::key).isEqualTo("information.error.markup");
    }

    @Test
    void welshIsNotScoredForReadingEase() {
        assertThat(HubWording.check("Cyfrifoldebau gweinyddol cynhwysfawr sefydliadol.", CY, false)).isEmpty();
    }
}
