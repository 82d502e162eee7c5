package org.dphub.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.dphub.councils.Nation;
import org.junit.jupiter.api.Test;

class PostcodeExampleTest {

    @Test
    void theExampleIsFromTheDistrictMostOfTheCouncilsPeopleLiveIn() {
        assertThat(PostcodeExample.of("SY3", Nation.ENGLAND)).isEqualTo("SY3 1AA");
        assertThat(PostcodeExample.of("LL11", Nation.WALES)).isEqualTo("LL11 1AA");
        assertThat(PostcodeExample.of("SW1A", Nation.ENGLAND)).isEqualTo("SW1A 1AA");
    }

    @Test
    void aCouncilWithNobodyYetGetsAnExampleFromItsOwnNation() {
        assertThat(PostcodeExample.of(null, Nation.WALES)).isEqualTo("CF99 1SN");
        assertThat(PostcodeExample.of(null, Nation.ENGLAND)).isEqualTo("SW1A 2AA");
        assertThat(PostcodeExample.of("not a district", Nation.WALES)).isEqualTo("CF99 1SN");
    }
}
