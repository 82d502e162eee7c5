package org.dphub.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the coproduction board sees of a comment: names and numbers masked, everything else as written. */
class CommentMaskTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Call me on 07700 900123 any time                     | Call me on [phone number] any time
            Ring 0161 496 0000 or (0161) 496 0000                | Ring [phone number] or [phone number]
            My mobile is +44 7700 900123.                        | My mobile is [phone number].
            Text 07700900123                                     | Text [phone number]
            Email sam.jones+dp@example.co.uk please              | Email [email] please
            My NHS number is 943 476 5919                        | My NHS number is [NHS number]
            NHS 9434765919 and 943-476-5919                      | NHS [NHS number] and [NHS number]
            NI number QQ 12 34 56 C, or qq123456c                | NI number [NI number], or [NI number]
            I was born on 12/03/1985                             | I was born on [date]
            born 1985-03-12, or 12.3.85                          | born [date], or [date]
            My birthday is 12 March 1985                         | My birthday is [date]
            born March 12, 1985 in Leeds                         | born [date] in Leeds
            ganwyd 12 Mawrth 1985                                | ganwyd [date]
            I live at SY1 1AA near the shops                     | I live at [postcode] near the shops
            Our office is at cf10 1ep                            | Our office is at [postcode]
            My PA Sarah Jones is brilliant                       | My PA [name] is brilliant
            my pa is Sarah and she helps                         | my pa is [name] and she helps
            A worker called Bob came round                       | A worker called [name] came round
            someone named Mary-Ann O'Neill phoned                | someone named [name] phoned
            Mrs Patel was kind; Dr. Evans too                    | Mrs [name] was kind; Dr. [name] too
            my social worker, Priya, listened                    | my social worker, [name], listened
            Mae fy CP Siân yn wych                               | Mae fy CP [name] yn wych
            gweithiwr o'r enw Dafydd                             | gweithiwr o'r enw [name]
            The money came quickly and Monday was fine           | The money came quickly and Monday was fine
            It took 28 days and cost £1,088.40 a month           | It took 28 days and cost £1,088.40 a month
            Reviews in 2026 were better than 2025                | Reviews in 2026 were better than 2025
            my PA is great                                       | my PA is great
            """)
    void masksWhatCouldNameSomeone(String written, String shown) {
        assertThat(CommentMask.mask(written)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            <script>alert(1)</script>                            | <script>alert(1)</script>
            """)
    void leavesMarkUpAsTextForThePageToEscape(String written, String shown) {
        assertThat(CommentMask.mask(written)).isEqualTo(shown);
    }
}
