package org.dphub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class MoneyPropertiesTest {

    private static final long TEN_MILLION_POUNDS = 1_000_000_000L;

    @Property
    void formatWithPenceReadsBackAsTheSameAmount(
            @ForAll @LongRange(min = -TEN_MILLION_POUNDS, max = TEN_MILLION_POUNDS) long pence) {
        Money m = Money.ofPence(pence);
        assertThat(Money.parse(m.formatWithPence())).isEqualTo(m);
    }

    /** The amounts as {@link String#format} of pounds writes them, as Money did until it wrote them by hand. */
    @Property
    void formatsAsJavasFormatterDoesForEveryAmount(@ForAll long pence) {
        java.math.BigDecimal pounds = java.math.BigDecimal.valueOf(pence, 2).abs();
        String sign = pence < 0 ? "-£" : "£";
        Money m = Money.ofPence(pence);
        assertThat(m.formatWithPence()).isEqualTo(sign + String.format(java.util.Locale.UK, "%,.2f", pounds));
        assertThat(m.format()).isEqualTo(sign + String.format(java.util.Locale.UK, pence % 100 == 0 ? "%,.0f" : "%,.2f", pounds));
    }

    @Property
    void plainStringReadsBackAsTheSameAmount(
            @ForAll @LongRange(min = -TEN_MILLION_POUNDS, max = TEN_MILLION_POUNDS) long pence) {
        Money m = Money.ofPence(pence);
        assertThat(Money.parse(m.toPlainString())).isEqualTo(m);
    }

    @Property
    void govUkFormatReadsBackAsTheSameAmount(
            @ForAll @LongRange(min = -TEN_MILLION_POUNDS, max = TEN_MILLION_POUNDS) long pence) {
        Money m = Money.ofPence(pence);
        assertThat(Money.parse(m.format())).isEqualTo(m);
    }

    @Property
    void plusIsCommutative(@ForAll("amounts") Money a, @ForAll("amounts") Money b) {
        assertThat(a.plus(b)).isEqualTo(b.plus(a));
    }

    @Property
    void plusIsAssociative(@ForAll("amounts") Money a, @ForAll("amounts") Money b, @ForAll("amounts") Money c) {
        assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
    }

    @Property
    void minusUndoesPlus(@ForAll("amounts") Money a, @ForAll("amounts") Money b) {
        assertThat(a.plus(b).minus(b)).isEqualTo(a);
    }

    @Property
    void plusAddsThePence(@ForAll("amounts") Money a, @ForAll("amounts") Money b) {
        assertThat(a.plus(b).pence()).isEqualTo(a.pence() + b.pence());
    }

    /** Amounts well clear of overflow (three of them sum to far less than Long.MAX_VALUE). */
    @Provide
    Arbitrary<Money> amounts() {
        long bound = Long.MAX_VALUE / 4;
        return Arbitraries.longs().between(-bound, bound).map(Money::ofPence);
    }
}
