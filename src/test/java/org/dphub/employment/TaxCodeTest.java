package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaxCodeTest {

    @Test
    void anAllowanceCodeWithItsRegion() {
        assertThat(TaxCode.parse("1257L")).extracting(TaxCode::region, TaxCode::kind, TaxCode::number)
                .containsExactly(TaxRegion.REST_OF_UK, TaxCode.Kind.ALLOWANCE, 1257);
        assertThat(TaxCode.parse(" s1257l ").region()).isEqualTo(TaxRegion.SCOTLAND);
        assertThat(TaxCode.parse("C1257L").region()).isEqualTo(TaxRegion.WALES);
        assertThat(TaxCode.parse("1100M").number()).isEqualTo(1100);
        assertThat(TaxCode.parse("1383N").number()).isEqualTo(1383);
        assertThat(TaxCode.parse("0T").number()).isZero();
        assertThat(TaxCode.parse("S0T").kind()).isEqualTo(TaxCode.Kind.ALLOWANCE);
    }

    @Test
    void kFlatRateAndNoTaxCodes() {
        assertThat(TaxCode.parse("K475")).extracting(TaxCode::kind, TaxCode::number).containsExactly(TaxCode.Kind.K, 475);
        assertThat(TaxCode.parse("SK585").region()).isEqualTo(TaxRegion.SCOTLAND);
        assertThat(TaxCode.parse("BR").flatRateCode()).isEqualTo("BR");
        assertThat(TaxCode.parse("SD3")).extracting(TaxCode::region, TaxCode::flatRateCode).containsExactly(TaxRegion.SCOTLAND, "D3");
        assertThat(TaxCode.parse("NT").kind()).isEqualTo(TaxCode.Kind.NO_TAX);
    }

    @Test
    void anEmergencyMarkerMeansWeek1Month1() {
        assertThat(TaxCode.parse("1257L M1").emergency()).isTrue();
        assertThat(TaxCode.parse("1257LW1").emergency()).isTrue();
        assertThat(TaxCode.parse("1257L X").emergency()).isTrue();
        assertThat(TaxCode.parse("1257L").emergency()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12X57L", "1257", "L1257", "1257P", "K0", "0L", "K", "B R", "D", "X1257L", "SNT", "1257L M2", "123456L"})
    void codesHmrcDoesNotIssueAreRefusedSayingWhatACodeLooksLike(String code) {
        assertThatThrownBy(() -> TaxCode.parse(code))
                .isInstanceOf(InvalidTaxCodeException.class)
                .hasMessageContaining("is not a tax code")
                .hasMessageContaining("1257L")
                .extracting(e -> ((InvalidTaxCodeException) e).field()).isEqualTo("taxCode");
    }

    @Test
    void aMissingCodeAsksForOne() {
        assertThatThrownBy(() -> TaxCode.parse(" ")).isInstanceOf(InvalidTaxCodeException.class)
                .hasMessageStartingWith("Enter the employee's tax code");
    }
}
