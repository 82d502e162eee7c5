package org.dphub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class EnglishInWelshTest {

    static Properties bundle(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void thePiecesOfAMessageAreTheTextBetweenItsPlaceholders() {
        assertThat(EnglishInWelsh.literalPieces("Enter a real postcode, like {0}")).containsExactly("Enter a real postcode, like");
        assertThat(EnglishInWelsh.literalPieces("{0} started on {1}: {2} is before that"))
                .containsExactly("started on", ":", "is before that");
        assertThat(EnglishInWelsh.literalPieces("The council''s {0,choice,0#none|1#one} accounts"))
                .containsExactly("The council's", "accounts");
    }

    @Test
    void findsTheEnglishOfALongEnoughMessageWhoseWelshDiffers() {
        EnglishInWelsh finder = new EnglishInWelsh(
                bundle("nav.pas", "Your PAs", "a", "Add a personal assistant", "b", "dphub", "c", "Dementia care at home",
                        "d", "Skills for Care", "e", "British Sign Language"),
                bundle("nav.pas", "Eich CPau", "a", "Ychwanegu cynorthwy-ydd personol", "b", "dphub", "c", "Dementia care at home",
                        "d", "Skills for Care (Lloegr)", "e", "Iaith Arwyddion Prydain"));

        assertThat(finder.foundIn("Croeso\nAdd a   personal\nassistant heddiw")).extracting(EnglishInWelsh.Phrase::key).containsExactly("a");
        // too short to tell from a name; the same in both languages; a proper name Welsh text uses too
        assertThat(finder.foundIn("Your PAs; dphub; Dementia care at home; Skills for Care")).isEmpty();
        // a name a person may have typed themself (their communication needs)
        assertThat(finder.foundIn("Uses British Sign Language: book an interpreter")).isEmpty();
        assertThat(finder.foundIn("Eich CPau: Ychwanegu cynorthwy-ydd personol")).isEmpty();
    }

    @Test
    void theApplicationsOwnBundlesGiveThousandsOfPhrases() {
        assertThat(EnglishInWelsh.fromTheBundles().phrases()).hasSizeGreaterThan(1000)
                .allMatch(p -> EnglishInWelsh.longEnough(p.text()));
    }
}
