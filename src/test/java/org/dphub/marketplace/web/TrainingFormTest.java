package org.dphub.marketplace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dphub.marketplace.TrainingRecord;
import org.dphub.support.ShippedMessages;
import org.dphub.web.FormErrors;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The training rows of the PA's profile form: blank rows left out, each problem on its own row's
 * field (so the error summary links to it) with words for people, in English and Welsh.
 */
class TrainingFormTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final PaPages.TrainingRow BLANK = PaPages.TrainingRow.BLANK;

    static ResourceBundleMessageSource messages() {
        return ShippedMessages.source();
    }

    final FormErrors errors = new FormErrors(messages(), Locale.ENGLISH);
    final PageInput input = new PageInput(errors, null);

    static PaPages.TrainingRow row(String title, String day, String month, String year, String modules) {
        return new PaPages.TrainingRow(title, day, month, year, modules);
    }

    @Test
    void blankRowsAreLeftOut_modulesAreOneALine() {
        List<TrainingRecord> read = input.training(List.of(BLANK,
                row(" Care Certificate ", "12", "3", "2025", "Duty of care\r\n\r\n  Privacy and dignity  \n"), BLANK), TODAY);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(read).containsExactly(new TrainingRecord("Care Certificate", LocalDate.of(2025, 3, 12),
                List.of("Duty of care", "Privacy and dignity")));
    }

    @Test
    void eachProblemIsOnItsRowsField() {
        input.training(List.of(BLANK, row("Care Certificate", "31", "2", "2025", ""), row("", "1", "1", "2024", ""),
                row("First aid", "1", "12", "2026", "x".repeat(81)), row("Food hygiene", "31", "12", "1949", "")), TODAY);
        assertThat(errors.message("training-1-date")).isEqualTo("the date you finished the course must be a real date");
        assertThat(errors.message("training-2-title")).isEqualTo("Enter the name of the course");
        assertThat(errors.message("training-3-date")).isEqualTo("The date you finished the course must be today or in the past");
        assertThat(errors.message("training-3-modules")).isEqualTo("Enter each module in 80 characters or fewer");
        assertThat(errors.message("training-4-date")).isEqualTo("The date you finished the course must be in 1950 or later");
        assertThat(errors.has("training-0-title")).as("a blank row is no problem").isFalse();
    }

    @Test
    void atMostThirtyModules_andNoMarkUp() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            lines.add("Module " + i);
        }
        input.training(List.of(row("Care Certificate", "1", "1", "2025", String.join("\n", lines)),
                row("<b>Care</b>", "1", "1", "2025", "")), TODAY);
        assertThat(errors.message("training-0-modules")).isEqualTo("Give 30 modules or fewer");
        assertThat(errors.message("training-1-title")).contains("without the characters < and >");
    }

    @Test
    void inWelsh() {
        FormErrors welsh = new FormErrors(messages(), Locale.forLanguageTag("cy"));
        new PageInput(welsh, null).training(List.of(row("Tystysgrif Gofal", "1", "1", "2027", "")), TODAY);
        assertThat(welsh.message("training-0-date")).isEqualTo("Rhaid i'r dyddiad y gwnaethoch orffen y cwrs fod heddiw neu yn y gorffennol");
    }
}
