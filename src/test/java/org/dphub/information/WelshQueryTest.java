package org.dphub.information;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WelshQueryTest {

    @Test
    void aWordMatchesItsMutatedForms() {
        assertThat(WelshQuery.forms("taliad")).contains("taliad", "daliad", "nhaliad", "thaliad");
        assertThat(WelshQuery.forms("daliad")).contains("taliad", "thaliad");
        assertThat(WelshQuery.forms("gofal")).contains("ofal", "ngofal");
        assertThat(WelshQuery.forms("ofal")).contains("gofal");
    }

    @Test
    void commonWordsAreLeftOutAndEachWordIsAPrefix() {
        assertThat(WelshQuery.tsquery("talu a'r teulu")).startsWith("(talu:* | dalu:*").contains(" & (teulu:*").doesNotContain("(a:*");
        assertThat(WelshQuery.tsquery("y yn")).isEmpty();
        assertThat(WelshQuery.tsquery("<script>&|!")).isEqualTo("(script:*)");
    }
}
