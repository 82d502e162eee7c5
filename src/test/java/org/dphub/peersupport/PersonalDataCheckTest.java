package org.dphub.peersupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.dphub.peersupport.PersonalDataCheck.Finding;
import org.dphub.peersupport.PersonalDataCheck.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the check before posting finds, and — as much — what it must leave alone. */
class PersonalDataCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    static List<Finding> find(String text) {
        return PersonalDataCheck.find(text, TODAY);
    }

    static Finding only(String text) {
        List<Finding> found = find(text);
        assertThat(found).as(text).hasSize(1);
        return found.get(0);
    }

    @Test
    void nhsNumbersNeedTheRightCheckDigit() {
        // 943 476 5919: 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9
        assertThat(only("My NHS number is 943 476 5919, can I give it to the agency?"))
                .isEqualTo(new Finding(Kind.NHS_NUMBER, "943 476 5919", 17));
        assertThat(only("nhs 9434765919").kind()).isEqualTo(Kind.NHS_NUMBER);
        assertThat(only("nhs 943-476-5919").text()).isEqualTo("943-476-5919");
        // one digit wrong: not an NHS number, and not flagged as anything else
        assertThat(find("My number is 943 476 5918")).isEmpty();
        assertThat(find("reference 9434765910")).isEmpty();
        assertThat(PersonalDataCheck.validNhsNumber("4010232137")).isTrue();
        // a remainder giving 10 is never issued
        assertThat(PersonalDataCheck.validNhsNumber("0000000060")).isFalse();
    }

    @Test
    void nationalInsuranceNumbersAreTwoLettersSixDigitsAndALetterAToD() {
        assertThat(only("Her NI number is AB 12 34 56 C.")).isEqualTo(new Finding(Kind.NI_NUMBER, "AB 12 34 56 C", 17));
        assertThat(only("ni: ab123456c").kind()).isEqualTo(Kind.NI_NUMBER);
        assertThat(only("JH123456D").kind()).isEqualTo(Kind.NI_NUMBER);
        // the last letter is A to D only; prefixes HMRC never gives out are left alone
        assertThat(find("AB123456E")).isEmpty();
        assertThat(find("GB123456A and QQ123456C and DA123456A")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "07700900123", "07700 900 123", "+44 7700 900123", "+44 (0)7700 900123", "0121 496 0000",
            "(0121) 496 0000", "020 7946 0000", "01632 960555", "0800 123 4567", "0300-123-4567"})
    void ukPhoneNumbersInTheWaysPeopleWriteThem(String number) {
        assertThat(only("Ring me on " + number + " any time")).isEqualTo(new Finding(Kind.PHONE_NUMBER, number, 11));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I pay £12.50 an hour", "I pay £1250 a month and 14.5 hours", "We started in 2020 and it took 12 weeks",
            "The agency charged £18.67 an hour, 37.5 hours a week, 52 weeks: £36,406.50", "Sort code 12-34-56 account 12345678",
            "The Care Act 2014 s31 and SI 2014/2871", "Between 9 and 5, 07:30 to 17:00", "Reference DE-00051 for 2026",
            "She lives in SY1 and works in Shrewsbury", "Take the A1 2nd exit", "The payment on 12/03/2026 was late",
            "On 12 March 1950 the war had ended", "We met on Monday 3 March 2025", "Under the Care Act 1/4/2015 rules",
            "Thanks, Jane", "Call the council or email them through the website"})
    void everydayPostsAreLeftAlone(String text) {
        assertThat(find(text)).as(text).isEmpty();
    }

    @Test
    void emailsAndFullPostcodesAreFound() {
        assertThat(only("Email me at jane.smith+dp@example.org please").text()).isEqualTo("jane.smith+dp@example.org");
        assertThat(only("We live at SY1 1AA.")).isEqualTo(new Finding(Kind.POSTCODE, "SY1 1AA", 11));
        assertThat(only("sw1a1aa").kind()).isEqualTo(Kind.POSTCODE);
        assertThat(only("CH7 1XY is the office").kind()).isEqualTo(Kind.POSTCODE);
    }

    @Test
    void aDateOfBirthNextToACapitalisedNameOrAfterBorn() {
        assertThat(only("My mum Jane Smith 12/03/1950 needs help")).isEqualTo(new Finding(Kind.NAME_WITH_DATE_OF_BIRTH,
                "Jane Smith 12/03/1950", 7));
        assertThat(only("Jane Smith, born 12 March 1950, lives with me").text()).isEqualTo("Jane Smith, born 12 March 1950");
        assertThat(only("Tom (DOB 1.2.1961) is my brother").kind()).isEqualTo(Kind.NAME_WITH_DATE_OF_BIRTH);
        assertThat(only("Eleri Jones 27th March 1958").kind()).isEqualTo(Kind.NAME_WITH_DATE_OF_BIRTH);
        assertThat(only("my son, born 12 March 1950, needs a PA")).isEqualTo(new Finding(Kind.DATE_OF_BIRTH, "born 12 March 1950", 8));
        assertThat(only("date of birth: 03/04/1988").kind()).isEqualTo(Kind.DATE_OF_BIRTH);
        // Welsh: "ganwyd" (was born), a Welsh month
        assertThat(only("Mae fy mab, ganwyd 5 Mawrth 2001, yn byw gyda fi").kind()).isEqualTo(Kind.DATE_OF_BIRTH);
        // no one is born in the future, or 150 years ago
        assertThat(find("Jane Smith 12/03/2030")).isEmpty();
        assertThat(find("born 12 March 1850")).isEmpty();
        // not a real date
        assertThat(find("Jane Smith 31/02/1950")).isEmpty();
    }

    @Test
    void onlyTheNameAndDateKindsMayBeConfirmed() {
        List<Finding> found = find("Jane Smith 12/03/1950, 07700 900123, AB123456C, 943 476 5919, jane@example.org, SY1 1AA, born 1 May 1990");
        assertThat(found).extracting(Finding::kind).containsExactly(Kind.NAME_WITH_DATE_OF_BIRTH, Kind.PHONE_NUMBER, Kind.NI_NUMBER,
                Kind.NHS_NUMBER, Kind.EMAIL_ADDRESS, Kind.POSTCODE, Kind.DATE_OF_BIRTH);
        assertThat(found).filteredOn(Finding::mustRemove).extracting(Finding::kind)
                .containsExactly(Kind.PHONE_NUMBER, Kind.NI_NUMBER, Kind.NHS_NUMBER, Kind.EMAIL_ADDRESS, Kind.POSTCODE);
    }

    @Test
    void nothingInNothing() {
        assertThat(find(null)).isEmpty();
        assertThat(find("   ")).isEmpty();
    }
}
