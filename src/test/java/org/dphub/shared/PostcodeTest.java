package org.dphub.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "ch71xy      | CH7 1XY",
            "' sw1a 1aa '| SW1A 1AA",
            "M11AE       | M1 1AE",
            "b338th      | B33 8TH",
            "cr26xh      | CR2 6XH",
            "dn551pt     | DN55 1PT",
            "EC1A1BB     | EC1A 1BB",
            "CH7 1XY     | CH7 1XY",
            "w1a 0ax     | W1A 0AX",
            "'ch7  1xy'  | CH7 1XY",
            "'c h 7 1 x y' | CH7 1XY",
    })
    void parseNormalisesToUpperCaseWithOneSpace(String input, String expected) {
        Postcode postcode = Postcode.parse(input);
        assertThat(postcode.value()).isEqualTo(expected);
        assertThat(postcode).hasToString(expected);
        assertThat(Postcode.isValid(input)).isTrue();
    }

    @Test
    void parsedPostcodesAreEqualWhateverTheyWereTypedAs() {
        assertThat(Postcode.parse("ch71xy")).isEqualTo(Postcode.parse(" CH7 1XY"));
        assertThat(Postcode.parse("ch71xy")).isEqualTo(new Postcode("CH7 1XY"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "CH7", "CH7 1X", "<script>", "CH7 1XYZ", "   ", "CH71", "1CH 7XY",
            "CHH7 1XY", "CH7 XXY", "CH7-1XY", "CH7 1X1"})
    void parseRefusesWhatIsNotShapedLikeAPostcode(String input) {
        assertThatThrownBy(() -> Postcode.parse(input))
                .isInstanceOfSatisfying(InvalidPostcodeException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("postcode.error.invalid"))
                .hasMessage("Enter a real postcode, like CH7 1XY");
        assertThat(Postcode.isValid(input)).isFalse();
    }

    @Test
    void invalidPostcodeKeyConstant() {
        assertThat(InvalidPostcodeException.MESSAGE_KEY).isEqualTo("postcode.error.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ch7 1xy", "CH71XY", "CH7  1XY", " CH7 1XY"})
    void theConstructorOnlyTakesTheNormalForm(String notNormal) {
        assertThatThrownBy(() -> new Postcode(notNormal)).isInstanceOf(InvalidPostcodeException.class);
        assertThatThrownBy(() -> new Postcode(null)).isInstanceOf(InvalidPostcodeException.class);
    }

    @ParameterizedTest(name = "{0}: outward {1}, sector {2}")
    @CsvSource({
            "CH7 1XY, CH7, CH7 1",
            "M1 1AE, M1, M1 1",
            "SW1A 1AA, SW1A, SW1A 1",
            "DN55 1PT, DN55, DN55 1",
            "B33 8TH, B33, B33 8",
    })
    void outwardAndSector(String input, String outward, String sector) {
        Postcode postcode = Postcode.parse(input);
        assertThat(postcode.outward()).isEqualTo(outward);
        assertThat(postcode.sector()).isEqualTo(sector);
    }

    @org.junit.jupiter.api.Test
    void aNoBreakSpacePastedFromADocumentIsFine() {
        assertThat(Postcode.parse("CH7\u00A01XY").value()).isEqualTo("CH7 1XY");
    }
}
