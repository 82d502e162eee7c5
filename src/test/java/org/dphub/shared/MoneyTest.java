package org.dphub.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.dphub.shared.InvalidMoneyException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static Reason reasonFor(String input) {
        InvalidMoneyException e = catchThrowableOfType(InvalidMoneyException.class, () -> Money.parse(input));
        assertThat(e).as("Money.parse(%s) should be refused", input).isNotNull();
        return e.reason();
    }

    @Nested
    class Parsing {

        @ParameterizedTest(name = "\"{0}\" -> {1} pence")
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
                "£1,234.56   | 123456",
                "1234.5      | 123450",
                "£12         | 1200",
                "' 7.05 '    | 705",
                ".50         | 50",
                "-£5.00      | -500",
                "1,234       | 123400",
                "£1,000,000  | 100000000",
                "0           | 0",
                "0.01        | 1",
                "-0.01       | -1",
                "-5          | -500",
                "10000000    | 1000000000",
                "£10,000,000.00 | 1000000000",
        })
        void acceptsAmountsAsPeopleTypeThem(String input, long expectedPence) {
            assertThat(Money.parse(input)).isEqualTo(Money.ofPence(expectedPence));
            assertThat(Money.parse(input).pence()).isEqualTo(expectedPence);
        }

        @Test
        void ignoresSpacesAroundTheAmount() {
            assertThat(Money.parse("\t £12.30 \n")).isEqualTo(Money.ofPence(1230));
            assertThat(Money.parse("\u00A0£12.30\u00A0")).as("no-break spaces pasted from a document").isEqualTo(Money.ofPence(1230));
            assertThat(Money.parse("£ 5")).isEqualTo(Money.ofPence(500));
            assertThat(Money.parse("12.")).as("a trailing decimal point").isEqualTo(Money.ofPence(1200));
        }

        @Test
        void spacesInsideAnAmountAreAMistakeNotAThousandsSeparator() {
            assertThat(reasonFor("12 34")).isEqualTo(Reason.NOT_A_NUMBER);
            assertThat(reasonFor("1 2.5 0")).isEqualTo(Reason.NOT_A_NUMBER);
            assertThat(reasonFor(".")).isEqualTo(Reason.NOT_A_NUMBER);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void emptyInputIsEmpty(String input) {
            assertThat(reasonFor(input)).isEqualTo(Reason.EMPTY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "1e9", "12,34", "1,2345", "£", "--5", "1.2.3", "£-5", "5£", "1,23,456",
                ",123", "$5", "-", "."})
        void somethingThatIsNotANumberIsNotANumber(String input) {
            assertThat(reasonFor(input)).isEqualTo(Reason.NOT_A_NUMBER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.234", "£1,234.567", "0.001", "-5.999"})
        void moreThanTwoDecimalsIsTooManyDecimals(String input) {
            assertThat(reasonFor(input)).isEqualTo(Reason.TOO_MANY_DECIMALS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"10000000.01", "99999999999999999999", "£10,000,001", "-10000000.01"})
        void moreThanTenMillionPoundsIsTooLarge(String input) {
            assertThat(reasonFor(input)).isEqualTo(Reason.TOO_LARGE);
        }

        @Test
        void largestInputIsTenMillionPounds() {
            assertThat(Money.LARGEST_INPUT).isEqualTo(Money.ofPounds(10_000_000));
            assertThat(Money.parse("10000000.00")).isEqualTo(Money.LARGEST_INPUT);
        }

        @Test
        void parsePositiveRefusesNegativeAndZeroWithOneMessage() {
            // issue 14: "-5" then "0" must not get two different refusals ("£0 or more", then "more than £0")
            assertThatThrownBy(() -> Money.parsePositive("-5"))
                    .isInstanceOfSatisfying(InvalidMoneyException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("money.error.zero"));
            assertThatThrownBy(() -> Money.parsePositive("0"))
                    .isInstanceOfSatisfying(InvalidMoneyException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ZERO));
            assertThatThrownBy(() -> Money.parsePositive("£0.00"))
                    .isInstanceOfSatisfying(InvalidMoneyException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ZERO));
            assertThat(Money.parsePositive("0.01")).isEqualTo(Money.ofPence(1));
        }

        @Test
        void parsePositiveStillReportsParseErrors() {
            assertThatThrownBy(() -> Money.parsePositive("abc"))
                    .isInstanceOfSatisfying(InvalidMoneyException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_NUMBER));
        }

        @Test
        void parseNotNegativeAllowsZeroButNotLess() {
            assertThat(Money.parseNotNegative("0")).isEqualTo(Money.ZERO);
            assertThat(Money.parseNotNegative("£12.50")).isEqualTo(Money.ofPence(1250));
            assertThatThrownBy(() -> Money.parseNotNegative("-0.01"))
                    .isInstanceOfSatisfying(InvalidMoneyException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NEGATIVE));
        }
    }

    @Nested
    class ErrorMessages {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "EMPTY, money.error.empty",
                "NOT_A_NUMBER, money.error.not-a-number",
                "TOO_MANY_DECIMALS, money.error.too-many-decimals",
                "TOO_LARGE, money.error.too-large",
                "NEGATIVE, money.error.negative",
                "ZERO, money.error.zero",
        })
        void everyReasonHasAMessageKey(Reason reason, String key) {
            assertThat(reason.messageKey()).isEqualTo(key);
            assertThat(new InvalidMoneyException(reason, "x").messageKey()).isEqualTo(key);
        }

        @Test
        void theExceptionThrownByParseCarriesTheKey() {
            assertThatThrownBy(() -> Money.parse("1.234"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .isInstanceOfSatisfying(InvalidMoneyException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("money.error.too-many-decimals"))
                    .hasMessage("Enter an amount with no more than 2 numbers after the decimal point");
            assertThatThrownBy(() -> Money.parse("10000000.01"))
                    .isInstanceOfSatisfying(InvalidMoneyException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("money.error.too-large"))
                    .hasMessage("Enter an amount of £10,000,000 or less");
            assertThatThrownBy(() -> Money.parse(""))
                    .isInstanceOfSatisfying(InvalidMoneyException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("money.error.empty"))
                    .hasMessage("Enter an amount");
        }
    }

    @Nested
    class Formatting {

        @ParameterizedTest(name = "{0} pence -> {1}")
        @CsvSource({
                "123456, '£1,234.56'",
                "7500, £75",
                "-550, -£5.50",
                "0, £0",
                "5, £0.05",
                "-5, -£0.05",
                "100000000, '£1,000,000'",
                "-123456789, '-£1,234,567.89'",
                "-7500, -£75",
                "7510, £75.10",
        })
        void formatIsGovUkStyle(long pence, String expected) {
            assertThat(Money.ofPence(pence).format()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} pence -> {1}")
        @CsvSource({
                "7500, £75.00",
                "100000000, '£1,000,000.00'",
                "0, £0.00",
                "-550, -£5.50",
                "123456, '£1,234.56'",
                "-5, -£0.05",
                "99, £0.99",
                "100, £1.00",
                "99999, £999.99",
                "100000, '£1,000.00'",
                "-9223372036854775808, '-£92,233,720,368,547,758.08'",
                "9223372036854775807, '£92,233,720,368,547,758.07'",
        })
        void formatWithPenceAlwaysShowsPence(long pence, String expected) {
            assertThat(Money.ofPence(pence).formatWithPence()).isEqualTo(expected);
        }

        @Test
        void toStringIsTheAmountWithPence() {
            assertThat(Money.ofPence(7500)).hasToString("£75.00");
        }

        @ParameterizedTest(name = "{0} pence -> {1}")
        @CsvSource({
                "123456, 1234.56",
                "5, 0.05",
                "0, 0.00",
                "-550, -5.50",
                "100000000, 1000000.00",
        })
        void toPlainStringIsForForms(long pence, String expected) {
            assertThat(Money.ofPence(pence).toPlainString()).isEqualTo(expected);
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void plusMinusTimesAndNegateAreExact() {
            Money a = Money.ofPence(1999);
            Money b = Money.ofPence(1);
            assertThat(a.plus(b)).isEqualTo(Money.ofPounds(20));
            assertThat(a.minus(Money.ofPounds(20))).isEqualTo(Money.ofPence(-1));
            assertThat(a.times(3)).isEqualTo(Money.ofPence(5997));
            assertThat(a.negate()).isEqualTo(Money.ofPence(-1999));
            // ten pence added ten times is a pound, exactly (0.1 + ... in double is not 1.0)
            Money sum = Money.ZERO;
            for (int i = 0; i < 10; i++) {
                sum = sum.plus(Money.ofPence(10));
            }
            assertThat(sum).isEqualTo(Money.ofPounds(1));
        }

        @Test
        void ofPoundsIsHundredsOfPence() {
            assertThat(Money.ofPounds(75).pence()).isEqualTo(7500);
            assertThatThrownBy(() -> Money.ofPounds(Long.MAX_VALUE / 100 + 1)).isInstanceOf(ArithmeticException.class);
        }

        @Test
        void overflowThrowsInsteadOfWrappingRound() {
            Money max = Money.ofPence(Long.MAX_VALUE);
            Money min = Money.ofPence(Long.MIN_VALUE);
            assertThatThrownBy(() -> max.plus(Money.ofPence(1))).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> min.plus(Money.ofPence(-1))).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> min.minus(Money.ofPence(1))).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> max.minus(Money.ofPence(-1))).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> Money.ofPence(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> max.times(-2)).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(min::negate).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> max.times(new BigDecimal("1.5"), RoundingMode.HALF_UP))
                    .isInstanceOf(ArithmeticException.class);
            // right at the edge it still works
            assertThat(max.minus(Money.ofPence(1)).plus(Money.ofPence(1))).isEqualTo(max);
            assertThat(Money.ofPence(Long.MAX_VALUE / 2).times(2)).isEqualTo(Money.ofPence(Long.MAX_VALUE - 1));
        }

        @Test
        void rateTimesHours() {
            // 1328 pence × 7.5 = 9960 pence exactly
            assertThat(Money.parse("£13.28").times(new BigDecimal("7.5"), RoundingMode.HALF_UP))
                    .isEqualTo(Money.parse("£99.60"));
        }

        @Test
        void rateTimesAFractionIsRoundedOnceToThePenny() {
            // 1328 pence × 0.333 = 442.224 pence; HALF_UP to whole pence -> 442 -> £4.42
            // (1328 × 0.333 = 1328 × 333 / 1000 = 442224 / 1000)
            Money result = Money.parse("£13.28").times(new BigDecimal("0.333"), RoundingMode.HALF_UP);
            assertThat(result).isEqualTo(Money.ofPence(442));
            assertThat(result.format()).isEqualTo("£4.42");
        }

        @Test
        void roundingModeIsTheCallersChoiceAtExactlyHalfAPenny() {
            // 1325 × 0.5 = 662.5 pence: HALF_UP -> 663, HALF_EVEN -> 662, DOWN -> 662
            Money m = Money.ofPence(1325);
            BigDecimal half = new BigDecimal("0.5");
            assertThat(m.times(half, RoundingMode.HALF_UP)).isEqualTo(Money.ofPence(663));
            assertThat(m.times(half, RoundingMode.HALF_EVEN)).isEqualTo(Money.ofPence(662));
            assertThat(m.times(half, RoundingMode.DOWN)).isEqualTo(Money.ofPence(662));
            // 1 × 0.5 = 0.5 pence: HALF_UP -> 1, HALF_DOWN -> 0
            assertThat(Money.ofPence(1).times(half, RoundingMode.HALF_UP)).isEqualTo(Money.ofPence(1));
            assertThat(Money.ofPence(1).times(half, RoundingMode.HALF_DOWN)).isEqualTo(Money.ZERO);
            // an inexact result with UNNECESSARY is an error, not a silent rounding
            assertThatThrownBy(() -> m.times(half, RoundingMode.UNNECESSARY)).isInstanceOf(ArithmeticException.class);
        }

        @Test
        void comparisonsAndPredicates() {
            Money one = Money.ofPence(1);
            Money two = Money.ofPence(2);
            assertThat(one.isLessThan(two)).isTrue();
            assertThat(two.isLessThan(one)).isFalse();
            assertThat(two.isGreaterThan(one)).isTrue();
            assertThat(one.isGreaterThan(one)).isFalse();
            assertThat(one).isLessThan(two);
            assertThat(one.compareTo(Money.ofPence(1))).isZero();
            assertThat(Money.ofPence(-1).isNegative()).isTrue();
            assertThat(Money.ZERO.isNegative()).isFalse();
            assertThat(Money.ZERO.isZero()).isTrue();
            assertThat(one.isZero()).isFalse();
        }
    }
}
