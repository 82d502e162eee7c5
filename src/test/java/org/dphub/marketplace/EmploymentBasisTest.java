package org.dphub.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmploymentBasisTest {

    @Test
    void aSearchFieldNamesABasisInEitherSpellingAndAnythingElseNamesNone() {
        assertThat(EmploymentBasis.parse("self-employed")).contains(EmploymentBasis.SELF_EMPLOYED);
        assertThat(EmploymentBasis.parse(" Employed ")).contains(EmploymentBasis.EMPLOYED);
        assertThat(EmploymentBasis.parse("EITHER")).contains(EmploymentBasis.EITHER);
        assertThat(EmploymentBasis.parse("SELF_EMPLOYED")).contains(EmploymentBasis.SELF_EMPLOYED);
        assertThat(EmploymentBasis.parse("")).isEmpty();
        assertThat(EmploymentBasis.parse(null)).isEmpty();
        assertThat(EmploymentBasis.parse("<script>")).isEmpty();
        assertThat(EmploymentBasis.parse("employed; drop table")).isEmpty();
    }
}
