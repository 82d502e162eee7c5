package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.shared.Money;
import org.dphub.support.Chromium;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The plan-to-money journey in Chromium, as people do it: a practitioner adds a person who prefers
 * Welsh, their representative and household, writes a plan (after a form full of mistakes that
 * saves nothing), sees the budget worked out, is refused a direct payment by a rule and then
 * allowed it, and gives the person an online account, then a new temporary password in place of
 * the first (the person lost it). The person signs in with the temporary
 * password, chooses their own, reads their plan and the agreement in Welsh and agrees; the
 * practitioner then sees the direct payment active. Every page visited is checked with axe-core
 * (WCAG 2.2 A and AA), in both languages where the page can be visited again.
 *
 * <p>The journey adds a person, and audit rows that can never be deleted, to demo-england; other
 * tests count the demo data exactly, so the shared context (and its database) is closed afterwards.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanJourneyBrowserIT {


    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Councils councils;

    WebDriver browser;
    final Set<String> checkedPages = new LinkedHashSet<>();

    @BeforeAll
    void startChromium() {
        browser = Chromium.start();
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void fromAPersonToAnActiveDirectPaymentInEnglishAndWelsh() {
        String unique = Long.toString(System.nanoTime(), 36);
        String family = "Journey" + unique.substring(unique.length() - 5);
        String email = "eleri." + unique + "@example.com";
        String representativeName = "Gareth " + family;
        long councilId = councils.findByCode("demo-england").orElseThrow().id();
        CouncilSettings settings = councils.settings(councilId).settings();
        LocalDate today = LocalDate.now();

        // --- the practitioner adds a person who prefers Welsh
        signIn("practitioner@demo-england");
        assertAccessible("practitioner home");
        open("/citizens?lang=en");
        assertAccessible("people search");
        clickAndWait(browser.findElement(By.id("add-person")));
        assertThat(path()).as(whatThePageSays()).isEqualTo("/citizens/new");
        assertAccessibleInBothLanguages("add a person");
        type("givenName", "Eleri");
        type("familyName", family);
        date("dateOfBirth", LocalDate.of(1958, 3, 27));
        type("postcode", "SY1 1AA");
        choose("preferredLanguage", "cy");
        choose("contactPreference", "EMAIL");
        type("email", email);
        type("phone", "07700 900123");
        type("communicationNeeds", "Large print, please");
        submit();
        assertThat(path()).as(whatThePageSays()).matches("/citizens/\\d+");
        long citizenId = Long.parseLong(path().substring("/citizens/".length()));
        assertThat(h1()).isEqualTo("Eleri " + family);
        assertThat(main()).contains("Welsh (Cymraeg)", "Large print, please");
        assertAccessibleInBothLanguages("the new person's page");

        // --- a wrong phone number, corrected: the form comes filled with what is recorded
        clickAndWait(browser.findElement(By.id("change-details")));
        assertThat(browser.findElement(By.id("phone")).getAttribute("value")).isEqualTo("07700 900123");
        assertAccessibleInBothLanguages("change a person's details");
        type("phone", "not a phone");
        submit();
        assertThat(errorSummaryTargets()).containsExactly("phone");
        assertAccessible("change a person's details, with an error");
        type("phone", "07700 900124");
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/citizens/" + citizenId);
        assertThat(main()).contains("Their details have been changed", "07700 900124", "Large print, please");
        assertAccessible("the person's page after their details changed");

        // --- their authorised person and a sister who lives with them
        clickAndWait(browser.findElement(By.linkText("Add a representative")));
        assertAccessibleInBothLanguages("add a representative");
        type("name", representativeName);
        choose("kind", "AUTHORISED_PERSON");
        type("email", "gareth." + unique + "@example.com");
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/citizens/" + citizenId);
        assertThat(main()).contains(representativeName, "Authorised person");

        clickAndWait(browser.findElement(By.linkText("Add a household member")));
        assertAccessibleInBothLanguages("add a household member");
        type("name", "Siân " + family);
        choose("relationship", "SIBLING");
        choose("livesInSameHousehold", "true");
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/citizens/" + citizenId);
        assertThat(main()).contains("Siân " + family, "Brother or sister");
        assertAccessible("the person's page with representative and household");

        // --- Gareth's email was typed wrongly: corrected (how he acts is not changed there)
        clickAndWait(browser.findElements(By.cssSelector("#main-content a[href$='/details']")).stream()
                .filter(a -> a.getAttribute("href").contains("/representatives/")).findFirst().orElseThrow());
        assertAccessibleInBothLanguages("correct a representative's name or email");
        type("email", "gareth.at.example");
        submit();
        assertThat(errorSummaryTargets()).containsExactly("email");
        assertAccessible("correct a representative's name or email, with an error");
        type("email", "gareth.correct." + unique + "@example.com");
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/citizens/" + citizenId);
        assertThat(main()).contains("gareth.correct." + unique + "@example.com");

        // --- Siân was recorded as living with her, but lives round the corner: corrected
        clickAndWait(browser.findElement(By.cssSelector("#main-content a[id^='change-household-']")));
        assertThat(h1()).isEqualTo("Correct what is recorded about Siân " + family);
        assertAccessibleInBothLanguages("correct a household member");
        type("name", " ");
        submit();
        assertThat(errorSummaryTargets()).containsExactly("name");
        assertAccessible("correct a household member, with an error");
        type("name", "Siân " + family);
        choose("livesInSameHousehold", "false");
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/citizens/" + citizenId);
        assertThat(count("SELECT count(*) FROM household_member WHERE citizen_id = " + citizenId + " AND NOT lives_in_same_household"))
                .isEqualTo(1);

        // --- a neighbour recorded in her household by mistake: taken off, with the reason, and kept on record
        clickAndWait(browser.findElement(By.linkText("Add a household member")));
        type("name", "Emyr Bevan");
        choose("relationship", "FRIEND");
        choose("livesInSameHousehold", "false");
        submit();
        clickAndWait(browser.findElements(By.cssSelector("#main-content a[id^='remove-household-']")).get(1));
        assertThat(h1()).isEqualTo("Take Emyr Bevan off Eleri " + family + "'s household");
        assertAccessibleInBothLanguages("take someone off the household");
        submit();
        assertThat(errorSummaryTargets()).containsExactly("reason");
        assertAccessible("take someone off the household, with an error");
        type("reason", "Recorded by mistake: he is a neighbour");
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/citizens/" + citizenId);
        assertThat(main()).contains("Taken off the household", "Emyr Bevan", "Recorded by mistake: he is a neighbour");
        assertThat(browser.findElements(By.cssSelector("#main-content a[id^='remove-household-']"))).as("only Siân's now").hasSize(1);
        assertAccessibleInBothLanguages("the person's page with someone taken off the household");

        // --- a second representative, who then stops acting: recorded with the reason, kept as history
        clickAndWait(browser.findElement(By.linkText("Add a representative")));
        type("name", "Nia " + family);
        choose("kind", "NOMINATED_PERSON");
        submit();
        List<WebElement> endLinks = browser.findElements(By.cssSelector("#main-content a[href$='/end']"));
        assertThat(endLinks).as("one for each representative").hasSize(2);
        clickAndWait(endLinks.get(1));
        assertThat(h1()).isEqualTo("Record that Nia " + family + " no longer acts for Eleri " + family);
        assertAccessibleInBothLanguages("record that a representative no longer acts");
        submit();
        assertThat(errorSummaryTargets()).containsExactly("reason");
        assertAccessible("record that a representative no longer acts, with an error");
        type("reason", "Eleri asked for Gareth alone to act for her");
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/citizens/" + citizenId);
        assertThat(main()).contains("Nia " + family, "No longer acts", "Eleri asked for Gareth alone to act for her");
        assertThat(browser.findElements(By.cssSelector("#main-content a[href$='/end']"))).as("only Gareth's now").hasSize(1);
        assertAccessibleInBothLanguages("the person's page with a representative who stopped acting");

        // --- a plan form full of mistakes: every one is named and linked, and nothing is saved
        long plansBefore = count("SELECT count(*) FROM care_plan");
        long versionsBefore = count("SELECT count(*) FROM care_plan_version");
        clickAndWait(browser.findElement(By.id("write-plan")));
        assertThat(path()).as(whatThePageSays()).isEqualTo("/citizens/" + citizenId + "/plans/new");
        assertAccessibleInBothLanguages("the plan form");
        assertThat(main()).as("the hint shows the council's PA rate").contains(settings.paHourlyRate().formatWithPence());
        date("startDate", today);
        type("eligibleNeeds", "<b>x</b>");
        setValue("outcomes", "a".repeat(5000) + "\nStay in my own home");
        choose("howNeedsMet", "DIRECT_PAYMENT_FULL");
        type("budgetLines[0].description", "Personal assistant in the mornings");
        choose("budgetLines[0].kind", "HOURLY");
        type("budgetLines[0].hoursPerWeek", "200");
        type("budgetLines[0].hourlyRate", "£abc");
        submit();
        assertThat(browser.getTitle()).startsWith("Error:");
        List<String> targets = errorSummaryTargets();
        assertThat(targets).contains("eligibleNeeds", "outcomes", "budgetLines[0].hoursPerWeek", "budgetLines[0].hourlyRate");
        for (String target : targets) {
            assertThat(browser.findElements(By.id(target))).as("the error summary link #" + target + " lands on a field").hasSize(1);
        }
        assertThat(errorMessage("eligibleNeeds")).contains("without the characters < and >");
        assertThat(errorMessage("outcomes")).contains("each outcome", "characters or fewer");
        assertThat(errorMessage("budgetLines[0].hoursPerWeek")).contains("Budget line 1:", "between 0 and 168");
        assertThat(errorMessage("budgetLines[0].hourlyRate")).contains("pounds and pence");
        assertThat(browser.findElement(By.id("budgetLines[0].hourlyRate")).getAttribute("value")).as("what was typed is kept").isEqualTo("£abc");
        assertAccessible("the plan form with errors");
        assertThat(count("SELECT count(*) FROM care_plan")).as("nothing saved").isEqualTo(plansBefore);
        assertThat(count("SELECT count(*) FROM care_plan_version")).as("nothing saved").isEqualTo(versionsBefore);

        // --- the plan, written right: 2 outcomes, 10 hours a week at the council rate, and a weekly amount
        open("/citizens/" + citizenId + "/plans/new");
        assertThat(browser.findElement(By.cssSelector("input[name=paymentFrequency]:checked")).getAttribute("value"))
                .as("the council's payment frequency is the default").isEqualTo(settings.paymentFrequency().name());
        date("startDate", today);
        type("eligibleNeeds", "Help with personal care each morning, and with getting out to see friends.");
        type("outcomes", "Keep going to football with my brother\nStay in my own home");
        choose("howNeedsMet", "DIRECT_PAYMENT_FULL");
        type("contingencyPlan", "If my PA is off sick, my brother helps in the morning.");
        type("budgetLines[0].description", "Personal assistant in the mornings");
        choose("budgetLines[0].kind", "HOURLY");
        type("budgetLines[0].hoursPerWeek", "10");
        type("budgetLines[0].outcomes", "2");
        type("budgetLines[1].description", "Football club and travel");
        choose("budgetLines[1].kind", "WEEKLY");
        type("budgetLines[1].weeklyAmount", "25.50");
        type("budgetLines[1].outcomes", "1");
        submit();
        assertThat(path()).as(whatThePageSays()).matches("/plans/\\d+");
        long planId = Long.parseLong(path().substring("/plans/".length()));
        assertThat(count("SELECT count(*) FROM care_plan")).isEqualTo(plansBefore + 1);

        // the rule (DOMAIN.md, BudgetCalculation): hours × rate rounded half-up to the penny;
        // weekly = hourly lines + weekly lines; annual = 52 × weekly; 4-weekly = 4 × weekly;
        // monthly = weekly × 52 / 12 half-up; no contribution, so the payment is the period's budget
        Money hourly = Money.ofPence(BigDecimal.valueOf(settings.paHourlyRate().pence()).multiply(BigDecimal.TEN)
                .setScale(0, RoundingMode.HALF_UP).longValueExact());
        Money weekly = hourly.plus(Money.ofPence(2550));
        Money annual = weekly.times(52);
        Money regular = switch (settings.paymentFrequency()) {
            case WEEKLY -> weekly;
            case FOUR_WEEKLY -> weekly.times(4);
            case MONTHLY -> Money.ofPence(BigDecimal.valueOf(weekly.pence()).multiply(BigDecimal.valueOf(52))
                    .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).longValueExact());
        };
        assertThat(text("weekly-budget")).isEqualTo(weekly.formatWithPence());
        assertThat(text("annual-budget")).isEqualTo(annual.formatWithPence());
        assertThat(text("regular-payment")).isEqualTo(regular.formatWithPence());
        assertThat(text("contribution-taken")).isEqualTo("£0.00");
        assertThat(main()).contains("The personal budget is " + weekly.formatWithPence() + " a week. That is "
                + annual.formatWithPence() + " a year.");
        assertThat(main()).contains("10 hours a week × " + settings.paHourlyRate().formatWithPence() + " an hour",
                hourly.formatWithPence());
        List<String> outcomes = browser.findElements(By.cssSelector("ol.govuk-list--number > li")).stream()
                .map(WebElement::getText).toList();
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0)).startsWith("Keep going to football with my brother")
                .contains("Football club and travel: £25.50 a week");
        assertThat(outcomes.get(1)).startsWith("Stay in my own home")
                .contains("Personal assistant in the mornings: " + hourly.formatWithPence() + " a week");
        assertAccessibleInBothLanguages("the plan page");

        // --- a direct payment refused by a rule: no capacity and no representative
        open("/citizens/" + citizenId);
        clickAndWait(browser.findElement(By.id("request-direct-payment")));
        assertAccessibleInBothLanguages("the direct payment form");
        fillDirectPaymentRequest(planId, today);
        choose("hasCapacity", "false");
        choose("representativeId", "none");
        submit();
        WebElement refusal = browser.findElement(By.id("rule-refusal"));
        assertThat(refusal.getText()).contains("authorised person", "Care Act 2014, section 32", "What would allow it:",
                "choose them as the representative");
        String link = refusal.findElement(By.cssSelector(".govuk-error-summary__list a")).getAttribute("href");
        assertThat(link).endsWith("#representativeId");
        assertThat(browser.findElements(By.id("representativeId"))).hasSize(1);
        assertAccessible("the direct payment form refused by a rule");
        assertThat(count("SELECT count(*) FROM direct_payment WHERE citizen_id = " + citizenId)).as("nothing saved").isZero();

        // fixed: the practitioner had recorded capacity wrongly; the person can ask for and manage it
        // (someone who lacks capacity would have their authorised person agree for them instead)
        fillDirectPaymentRequest(planId, today);
        choose("hasCapacity", "true");
        choose("representativeId", "none");
        submit();
        assertThat(path()).as(whatThePageSays()).matches("/direct-payments/\\d+");
        long directPaymentId = Long.parseLong(path().substring("/direct-payments/".length()));
        assertThat(browser.findElement(By.cssSelector("#dp-status-line .govuk-tag")).getText()).isEqualTo("Waiting for agreement");
        // one waiting for agreement can be withdrawn (set up wrongly): the page that would do it, not sent here
        open("/direct-payments/" + directPaymentId + "/status-changes/new?event=WITHDRAWN");
        assertThat(h1()).isEqualTo("Withdraw the direct payment");
        assertAccessibleInBothLanguages("withdraw a direct payment waiting for agreement");
        open("/direct-payments/" + directPaymentId);
        assertThat(text("time-to-money")).startsWith("3 days since they asked (target " + settings.targetDaysToMoney() + " days)");
        assertAccessibleInBothLanguages("the direct payment page");
        // a signed paper copy cannot be dated tomorrow (and nothing is recorded)
        date("signedOn", today.plusDays(1));
        submit();
        assertThat(errorSummaryTargets()).containsExactly("signedOn");
        assertThat(errorMessage("signedOn")).contains("today or in the past");
        assertAccessible("the paper agreement with an error");

        // --- an online account for the person; the temporary password is shown once
        open("/citizens/" + citizenId);
        clickAndWait(browser.findElement(By.id("give-online-account")));
        assertAccessibleInBothLanguages("give an online account");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).as("their email by default").isEqualTo(email);
        submit();
        assertThat(h1()).isEqualTo("Online account created");
        String username = text("account-username");
        String firstPassword = text("temporary-password");
        assertThat(username).isEqualTo(email);
        assertThat(firstPassword).matches("[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}");
        assertThat(main()).contains("by phone or in person");
        assertAccessible("online account created");

        // --- they lose the note with it and ring: the practitioner gives them a new one, shown once
        open("/citizens/" + citizenId);
        clickAndWait(browser.findElement(By.id("give-new-password")));
        assertAccessibleInBothLanguages("give a new temporary password");
        assertThat(main()).contains("their current password stops working", "signed out on every device");
        clickAndWait(browser.findElement(By.id("give-new-password")));
        assertThat(h1()).isEqualTo("New temporary password");
        String temporaryPassword = text("temporary-password");
        assertThat(temporaryPassword).matches("[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}").isNotEqualTo(firstPassword);
        assertThat(main()).contains("Their old password no longer works");
        assertAccessible("new temporary password");
        signOut();

        // --- the person signs in, in Welsh as they prefer, and must choose their own password
        browser.manage().deleteAllCookies();
        open("/sign-in");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(temporaryPassword);
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/account/password");
        assertThat(language()).as("they chose Welsh").isEqualTo("cy");
        assertAccessibleInBothLanguages("choose your own password");
        open("/home");
        assertThat(path()).as("nothing else until the password is chosen").isEqualTo("/account/password");
        switchTo("en");
        type("newPassword", "kettle river purple 7");
        type("confirmPassword", "kettle river purple 7");
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/home");
        assertThat(main()).contains("Your new password has been saved");
        assertAccessible("home after choosing a password");

        // they switch to Cymraeg, open "Your plan" and read the agreement
        switchTo("cy");
        assertAccessible("home in Welsh");
        WebElement menuLink = browser.findElement(By.cssSelector("#navigation a[href='/my-plan']"));
        assertThat(menuLink.getText()).isEqualTo("Eich cynllun");
        clickAndWait(menuLink);
        assertThat(h1()).isEqualTo("Eich cynllun");
        assertThat(main()).contains("Beth sy'n bwysig", "Keep going to football with my brother", "Stay in my own home",
                weekly.formatWithPence(), regular.formatWithPence());
        assertAccessibleInBothLanguages("your plan");
        clickAndWait(browser.findElement(By.id("read-agreement-" + directPaymentId)));
        assertThat(language()).isEqualTo("cy");
        assertThat(h1()).isEqualTo("Cytundeb taliad uniongyrchol");
        assertThat(text("agreement-regular-payment")).contains(regular.formatWithPence(), "Byddwn yn talu");
        assertThat(main()).contains("Keep going to football with my brother");
        assertAccessibleInBothLanguages("the agreement");

        // agreeing without ticking the box is caught, then they agree
        clickAndWait(browser.findElement(By.id("agree-button")));
        assertThat(browser.getTitle()).startsWith("Gwall:");
        assertThat(errorSummaryTargets()).containsExactly("agree");
        assertAccessible("the agreement with an error, in Welsh");
        clickLabelFor("agree");
        clickAndWait(browser.findElement(By.id("agree-button")));
        assertThat(path()).as(whatThePageSays()).isEqualTo("/direct-payments/" + directPaymentId + "/agreement/agreed");
        assertThat(h1()).isEqualTo("Rydych wedi cytuno");
        assertAccessibleInBothLanguages("agreed");

        // they would rather have texts: they change that themself, in Welsh
        open("/citizens/" + citizenId);
        clickAndWait(browser.findElement(By.id("change-own-contact")));
        assertThat(language()).isEqualTo("cy");
        assertAccessibleInBothLanguages("how we contact you");
        choose("contactPreference", "TEXT");
        type("phone", "");
        submit();
        assertThat(errorSummaryTargets()).containsExactly("phone");
        assertAccessible("how we contact you, with an error, in Welsh");
        type("phone", "07700 900125");
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/citizens/" + citizenId);
        assertThat(main()).contains("Mae eich manylion cyswllt wedi", "07700 900125", "Neges destun");
        assertAccessible("the person's own page after they changed how we contact them");
        signOut();

        // --- the practitioner sees it active
        signIn("practitioner@demo-england");
        open("/direct-payments/" + directPaymentId);
        assertThat(browser.findElement(By.cssSelector("#dp-status-line .govuk-tag")).getText()).isEqualTo("Active");
        assertThat(text("agreement-status")).contains("Agreed online by " + username);
        assertAccessibleInBothLanguages("the active direct payment");
        open("/reviews");
        assertThat(main()).contains("Eleri " + family);
        assertAccessibleInBothLanguages("reviews due");
        open("/direct-payments/in-progress");
        assertThat(main()).contains("Eleri " + family);
        assertAccessibleInBothLanguages("requests in progress");

        // --- a review finds the mornings rushed: the plan changes, then a temporary change on top
        open("/direct-payments/" + directPaymentId);
        clickAndWait(browser.findElement(By.linkText("Record a review")));
        assertAccessibleInBothLanguages("record a review");
        choose("reason", "SCHEDULED");
        type("working", "Football every Saturday with my brother");
        type("notWorking", "Mornings are rushed");
        choose("planToChange", "true");
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/plans/" + planId + "/change");
        assertAccessibleInBothLanguages("change the plan");
        assertThat(browser.findElement(By.id("budgetLines[0].hoursPerWeek")).getAttribute("value")).as("prefilled").isEqualTo("10");
        type("budgetLines[0].hoursPerWeek", "12");
        type("changeReason", "The review found the mornings rushed");
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/plans/" + planId);
        Money weeklyAfterChange = hoursAtCouncilRate(settings, "12").plus(Money.ofPence(2550));
        assertThat(text("weekly-budget")).isEqualTo(weeklyAfterChange.formatWithPence());
        assertThat(main()).contains("Version 2", "The review found the mornings rushed");

        clickAndWait(browser.findElement(By.id("temporary-change")));
        assertAccessibleInBothLanguages("make a temporary change");
        type("budgetLines[0].hoursPerWeek", "20");
        type("changeReason", "Extra help after a stay in hospital");
        submit();
        assertThat(errorSummaryTargets()).containsExactly("endDate");
        assertAccessible("a temporary change with no end date");
        date("endDate", today.plusDays(14));
        submit();
        assertThat(path()).as(whatThePageSays()).isEqualTo("/plans/" + planId);
        assertThat(text("weekly-budget")).as("the temporary change is in force")
                .isEqualTo(hoursAtCouncilRate(settings, "20").plus(Money.ofPence(2550)).formatWithPence());
        assertThat(main()).contains("Version 3 (temporary)");
        assertThat(browser.findElements(By.cssSelector("a[href*='/versions/']"))).hasSize(3);
        assertAccessibleInBothLanguages("the plan with its history");
        List<WebElement> newestFirst = browser.findElements(By.cssSelector("a[href*='/versions/']"));
        clickAndWait(newestFirst.get(newestFirst.size() - 1));
        assertThat(h1()).isEqualTo("Care and support plan: version 1");
        assertThat(text("weekly-budget")).isEqualTo(weekly.formatWithPence());
        assertThat(main()).contains("This is an earlier version of the plan. Version 3 is in force today.");
        assertAccessibleInBothLanguages("an earlier version of the plan");
        open("/direct-payments/" + directPaymentId);
        assertThat(main()).contains("Football every Saturday with my brother", "Mornings are rushed");
        // regulation 7: the next review is within the council's interval (at most 12 months) of this one
        assertThat(text("next-review")).isEqualTo(today.plusMonths(Math.min(settings.reviewIntervalMonths(), 12))
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
        assertAccessible("the direct payment with its review");

        assertThat(checkedPages).contains("/citizens/new", "/citizens/" + citizenId, "/plans/" + planId,
                "/direct-payments/" + directPaymentId, "/my-plan", "/account/password");
    }

    /** hours × the council's PA rate, rounded half-up to the penny. */
    static Money hoursAtCouncilRate(CouncilSettings settings, String hours) {
        return Money.ofPence(BigDecimal.valueOf(settings.paHourlyRate().pence()).multiply(new BigDecimal(hours))
                .setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    // ---- the form steps used twice

    void fillDirectPaymentRequest(long planId, LocalDate today) {
        choose("planId", Long.toString(planId));
        date("requestedOn", today.minusDays(3));
        date("startDate", today.plusDays(7));
        choose("excludedPerson", "false");
        choose("accountType", "BANK_ACCOUNT");
    }

    // ---- browser helpers (the Chromium setup, assertAccessible and clickAndWait as in DemoAccountsBrowserIT)

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        browser.get(url(path));
    }

    String path() {
        return java.net.URI.create(browser.getCurrentUrl()).getPath();
    }

    /** The heading and any error summary, to say what went wrong when a step lands somewhere else. */
    String whatThePageSays() {
        List<WebElement> summary = browser.findElements(By.cssSelector(".govuk-error-summary"));
        return browser.getCurrentUrl() + ": " + browser.findElements(By.tagName("h1")).stream().map(WebElement::getText).findFirst().orElse("")
                + (summary.isEmpty() ? "" : " / " + summary.get(0).getText());
    }

    String language() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }

    String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** axe-core on the page now showing: WCAG 2.2 A and AA, nothing may fail. */
    void assertAccessible(String what) {
        Chromium.assertAccessible(browser, what);
        checkedPages.add(path());
    }

    /** Checks the page in the language it is in, then in the other, then goes back to the first. */
    void assertAccessibleInBothLanguages(String what) {
        String first = language();
        String other = "cy".equals(first) ? "en" : "cy";
        assertAccessible(what + " (" + first + ")");
        switchTo(other);
        assertThat(browser.getTitle()).as(what + " in " + other).doesNotContain("Error").doesNotContain("Gwall");
        assertAccessible(what + " (" + other + ")");
        switchTo(first);
    }

    void switchTo(String lang) {
        if (!lang.equals(language())) {
            clickAndWait(browser.findElement(By.cssSelector("a[hreflang=" + lang + "]")));
        }
        assertThat(language()).isEqualTo(lang);
    }

    /**
     * Clicks something that loads a new page, and waits until the new page has replaced the old one.
     * The old page is marked with a script variable that the new document does not have (checking the
     * old element for staleness trips over an inspector error in recent Chromium).
     */
    void clickAndWait(WebElement element) {
        Chromium.clickAndWait(browser, element);
    }

    void signIn(String username) {
        browser.manage().deleteAllCookies();
        open("/sign-in?lang=en");
        assertAccessible("sign-in page");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Http.DEMO_PASSWORD);
        clickAndWait(browser.findElement(By.cssSelector("main form button[type=submit]")));
        org.dphub.support.AuthenticatorApp.finishSignIn(browser, username);
        assertThat(path()).as(whatThePageSays()).isEqualTo("/home");
    }

    void signOut() {
        clickAndWait(browser.findElement(By.cssSelector("form.dphub-sign-out button")));
        assertThat(path()).as(whatThePageSays()).isEqualTo("/");
    }

    void submit() {
        clickAndWait(browser.findElement(By.cssSelector("main form button[type=submit]")));
    }

    void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a long value at once (typing 5,000 characters one by one is slow). */
    void setValue(String id, String text) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), text);
    }

    void date(String id, LocalDate date) {
        type(id + "-day", Integer.toString(date.getDayOfMonth()));
        type(id + "-month", Integer.toString(date.getMonthValue()));
        type(id + "-year", Integer.toString(date.getYear()));
    }

    /** Picks a radio or checkbox by its value, clicking its label as a person does. */
    void choose(String name, String value) {
        WebElement input = browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (!input.isSelected()) {
            clickLabelFor(input.getAttribute("id"));
        }
        assertThat(input.isSelected()).as(name + " = " + value).isTrue();
    }

    void chooseByLabel(String name, String labelText) {
        for (WebElement input : browser.findElements(By.cssSelector("input[name='" + name + "']"))) {
            WebElement label = browser.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"));
            if (label.getText().contains(labelText)) {
                label.click();
                assertThat(input.isSelected()).isTrue();
                return;
            }
        }
        throw new AssertionError("No " + name + " option labelled " + labelText);
    }

    void clickLabelFor(String id) {
        browser.findElement(By.cssSelector("label[for='" + id + "']")).click();
    }

    /** The field ids the error summary links to. */
    List<String> errorSummaryTargets() {
        return browser.findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
                .map(a -> a.getAttribute("href"))
                .map(href -> java.net.URLDecoder.decode(href.substring(href.indexOf('#') + 1), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }

    /** The error message shown next to a field. */
    String errorMessage(String id) {
        return browser.findElement(By.id(id + "-error")).getText();
    }
}
