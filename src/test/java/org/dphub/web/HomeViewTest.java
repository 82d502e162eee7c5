package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.HomeItem.Text;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** How the home page puts the modules' items together: per person, in order, each count once. */
class HomeViewTest {

    static final SignedInUser REPRESENTATIVE = new SignedInUser(7, "rep@example", "Sam Jones", 1L, "demo", Set.of(Role.REPRESENTATIVE),
            "en", false);

    static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setAlwaysUseMessageFormat(true);
        messages.addMessage("fact", Locale.ENGLISH, "Next payment");
        messages.addMessage("value", Locale.ENGLISH, "{0} on {1}");
        messages.addMessage("todo", Locale.ENGLISH, "Approve {0}''s timesheet");
        messages.addMessage("work", Locale.ENGLISH, "Reviews overdue");
        messages.addMessage("fact", Locale.forLanguageTag("cy"), "Taliad nesaf");
        messages.addMessage("value", Locale.forLanguageTag("cy"), "{0} ar {1}");
        return messages;
    }

    @Test
    void eachPersonGetsTheirOwnFactsAndThingsToDoInOrderAndTheUserThemselfComesFirst() {
        List<HomeItem> items = List.of(
                new HomeItem.Person(2, "Emily Smith", false),
                new HomeItem.Person(1, "Sam Jones", true),
                new HomeItem.ToDo(2L, 40, Text.of("todo", "Sophie Hall"), "/my-employees/5#timesheet-9", false),
                new HomeItem.ToDo(2L, 10, Text.of("todo", "Ava Price"), "/my-employees/6#timesheet-3", true),
                new HomeItem.Fact(2, 20, Text.of("fact"), Text.of("value", Money.ofPence(108_840), LocalDate.of(2026, 12, 10))),
                new HomeItem.Fact(2, 10, Text.of("fact"), Text.value(Money.ofPence(79_455))),
                new HomeItem.ToDo(null, 5, Text.of("todo", "mine"), "/pa/work", false));

        HomeView view = HomeView.of(REPRESENTATIVE, items, messages(), Locale.ENGLISH);

        assertThat(view.people()).extracting(HomeView.PersonCard::name).containsExactly("Sam Jones", "Emily Smith");
        HomeView.PersonCard emily = view.people().get(1);
        assertThat(emily.facts()).extracting(HomeView.Fact::value).containsExactly("£794.55", "£1,088.40 on 10 December 2026");
        assertThat(emily.toDos()).extracting(HomeView.Line::text).containsExactly("Approve Ava Price's timesheet",
                "Approve Sophie Hall's timesheet");
        assertThat(emily.toDos().get(0).flagged()).isTrue();
        assertThat(view.people().get(0).toDos()).as("nothing of Emily's on Sam's card").isEmpty();
        assertThat(view.toDos()).extracting(HomeView.Line::href).containsExactly("/pa/work");
        assertThat(view.greetingName()).isEqualTo("Sam Jones");
    }

    @Test
    void datesAreInTheReadersLanguage() {
        HomeView view = HomeView.of(REPRESENTATIVE, List.of(new HomeItem.Person(2, "Emily Smith", false),
                new HomeItem.Fact(2, 10, Text.of("fact"), Text.of("value", Money.ofPence(100), LocalDate.of(2026, 12, 10)))),
                messages(), Locale.forLanguageTag("cy"));
        assertThat(view.people().get(0).facts().get(0).value()).isEqualTo("£1.00 ar 10 Rhagfyr 2026");
    }

    @Test
    void aCountTwoRolesWouldShowIsShownOnceAndOnlyFlaggedWhenThereIsSomething() {
        List<HomeItem> items = List.of(
                new HomeItem.Work(21, Text.of("work"), 0, "/reviews", true),
                new HomeItem.Work(10, Text.of("work"), 3, "/reviews", true),
                new HomeItem.Work(10, Text.of("work"), 3, "/reviews", true),
                new HomeItem.Greeting("Ava T."));

        HomeView view = HomeView.of(REPRESENTATIVE, items, messages(), Locale.ENGLISH);

        assertThat(view.work()).hasSize(1);
        assertThat(view.work().get(0).count()).isEqualTo(3);
        assertThat(view.work().get(0).flagged()).isTrue();
        assertThat(HomeView.of(REPRESENTATIVE, List.of(new HomeItem.Work(21, Text.of("work"), 0, "/reviews", true)), messages(),
                Locale.ENGLISH).work().get(0).flagged()).as("zero is shown plainly").isFalse();
        assertThat(view.greetingName()).as("a PA by the name on their profile").isEqualTo("Ava T.");
    }
}
