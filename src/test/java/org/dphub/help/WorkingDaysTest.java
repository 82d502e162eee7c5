package org.dphub.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Days to a first reply, in working days (Monday to Friday; the project has no bank holiday list). */
class WorkingDaysTest {

    static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    @Test
    void aFridayRequestAnsweredOnTuesdayTookTwoWorkingDays() {
        assertThat(FRIDAY.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(WorkingDays.between(FRIDAY, FRIDAY.plusDays(4))).isEqualTo(2);
    }

    @Test
    void theSameDayIsNoneAndTheWeekendCountsForNothing() {
        assertThat(WorkingDays.between(FRIDAY, FRIDAY)).isZero();
        assertThat(WorkingDays.between(FRIDAY, FRIDAY.plusDays(1))).isZero();
        assertThat(WorkingDays.between(FRIDAY, FRIDAY.plusDays(2))).isZero();
        assertThat(WorkingDays.between(FRIDAY, FRIDAY.plusDays(3))).isEqualTo(1);
        assertThat(WorkingDays.between(FRIDAY.plusDays(1), FRIDAY.plusDays(4))).as("asked on Saturday").isEqualTo(2);
        assertThat(WorkingDays.between(FRIDAY, FRIDAY.plusDays(7))).as("a week").isEqualTo(5);
    }

    @Test
    void aRequestIsOverdueOnlyOnceMoreWorkingDaysThanTheTargetHavePassed() {
        LocalDate tuesday = FRIDAY.plusDays(4);
        LocalDate wednesday = FRIDAY.plusDays(5);
        // target 2: Friday's request is not overdue on Tuesday (2 days), is on Wednesday (3)
        assertThat(WorkingDays.lastDayOverdue(tuesday, 2)).isBefore(FRIDAY);
        assertThat(WorkingDays.lastDayOverdue(wednesday, 2)).isEqualTo(FRIDAY.plusDays(2)).isAfterOrEqualTo(FRIDAY);
        for (int target = 1; target <= 20; target++) {
            for (int back = 0; back < 40; back++) {
                LocalDate asked = wednesday.minusDays(back);
                boolean overdue = WorkingDays.between(asked, wednesday) > target;
                assertThat(!asked.isAfter(WorkingDays.lastDayOverdue(wednesday, target))).as(asked + " target " + target)
                        .isEqualTo(overdue);
            }
        }
    }

    @Test
    void aClosedRequestTakesNoMoreRepliesAndTheAskerSendsItBackToTheTeam() {
        assertThat(HelpTransitions.apply(HelpStatus.OPEN, HelpTransitions.Event.TEAM_REPLIED)).contains(HelpStatus.ANSWERED);
        assertThat(HelpTransitions.apply(HelpStatus.ANSWERED, HelpTransitions.Event.ASKER_REPLIED)).contains(HelpStatus.OPEN);
        assertThat(HelpTransitions.apply(HelpStatus.ANSWERED, HelpTransitions.Event.CLOSE)).contains(HelpStatus.CLOSED);
        for (HelpTransitions.Event event : HelpTransitions.Event.values()) {
            assertThat(HelpTransitions.apply(HelpStatus.CLOSED, event)).isEmpty();
        }
    }
}
