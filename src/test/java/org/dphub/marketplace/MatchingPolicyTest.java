package org.dphub.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dphub.shared.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The hard filters and the score of matching, each reason on its own, ties and the boundaries of radius and rate. */
class MatchingPolicyTest {

    static final int SAT_MORNING = new AvailabilitySlot(DayOfWeek.SATURDAY, AvailabilitySlot.PartOfDay.MORNING).mask();
    static final int SAT_AFTERNOON = new AvailabilitySlot(DayOfWeek.SATURDAY, AvailabilitySlot.PartOfDay.AFTERNOON).mask();
    static final int MON_EVENING = new AvailabilitySlot(DayOfWeek.MONDAY, AvailabilitySlot.PartOfDay.EVENING).mask();
    static final int MON_NIGHT = new AvailabilitySlot(DayOfWeek.MONDAY, AvailabilitySlot.PartOfDay.NIGHT).mask();

    /** A vacancy near Shrewsbury, 20 km, £14.00, wanting driving and personal care, two interests, Saturday times. */
    static MatchWants wants() {
        return new MatchWants(1, 52.7, -2.75, 20, 1400, Skill.DRIVING.mask() | Skill.PERSONAL_CARE.mask(), 0, 0,
                SAT_MORNING | SAT_AFTERNOON | MON_EVENING | MON_NIGHT, 2, null);
    }

    /** A live, visible PA with everything the vacancy wants, travelling 20 km at £14.00. */
    static MatchOffer offer(long id) {
        return new MatchOffer(id, PaProfileStatus.LIVE, true, 52.7, -2.75, 20, 1400,
                Skill.DRIVING.mask() | Skill.PERSONAL_CARE.mask(), Language.ENGLISH.mask(),
                SAT_MORNING | SAT_AFTERNOON | MON_EVENING | MON_NIGHT, null, EmploymentBasis.EITHER);
    }

    static MatchOffer with(MatchOffer o, int travelKm, long rate, int skills, int languages, int availability) {
        return new MatchOffer(o.profileId(), o.status(), o.visible(), o.latitude(), o.longitude(), travelKm, rate, skills, languages,
                availability, o.gender(), o.employmentBasis());
    }

    final MatchScoring scoring = new MatchScoring(MatchWeights.DEFAULTS);

    @Nested
    class HardFilters {

        @Test
        void aLiveVisiblePaWithinBothLimitsPasses() {
            assertThat(MatchFilter.exclusion(wants(), offer(1), 5)).isEmpty();
        }

        @Test
        void unchecked_suspended_and_hidden_profiles_never_match() {
            MatchOffer o = offer(1);
            assertThat(MatchFilter.exclusion(wants(), new MatchOffer(1, PaProfileStatus.AWAITING_CHECKS, true, o.latitude(),
                    o.longitude(), 20, 1400, o.skillsMask(), o.languagesMask(), o.availabilityMask(), null, EmploymentBasis.EITHER), 1))
                    .contains(MatchFilter.Exclusion.NOT_LIVE);
            assertThat(MatchFilter.exclusion(wants(), new MatchOffer(1, PaProfileStatus.SUSPENDED, true, o.latitude(),
                    o.longitude(), 20, 1400, o.skillsMask(), o.languagesMask(), o.availabilityMask(), null, EmploymentBasis.EITHER), 1))
                    .contains(MatchFilter.Exclusion.NOT_LIVE);
            assertThat(MatchFilter.exclusion(wants(), new MatchOffer(1, PaProfileStatus.LIVE, false, o.latitude(),
                    o.longitude(), 20, 1400, o.skillsMask(), o.languagesMask(), o.availabilityMask(), null, EmploymentBasis.EITHER), 1))
                    .contains(MatchFilter.Exclusion.HIDDEN);
        }

        @Test
        void everyMustHaveSkillAndLanguageIsNeeded() {
            MatchWants w = wants();
            MatchWants needsDriverWhoSpeaksWelsh = new MatchWants(1, w.latitude(), w.longitude(), 20, 1400, 0,
                    Skill.DRIVING.mask(), Language.WELSH.mask(), w.availabilityMask(), 0, null);
            assertThat(MatchFilter.exclusion(needsDriverWhoSpeaksWelsh, offer(1), 1)).contains(MatchFilter.Exclusion.MISSING_MUST_HAVE);
            MatchOffer welshDriver = with(offer(1), 20, 1400, Skill.DRIVING.mask(), Language.WELSH.mask() | Language.ENGLISH.mask(),
                    w.availabilityMask());
            assertThat(MatchFilter.exclusion(needsDriverWhoSpeaksWelsh, welshDriver, 1)).isEmpty();
            MatchOffer welshSpeakerWhoDoesNotDrive = with(offer(1), 20, 1400, Skill.COOKING.mask(), Language.WELSH.mask(),
                    w.availabilityMask());
            assertThat(MatchFilter.exclusion(needsDriverWhoSpeaksWelsh, welshSpeakerWhoDoesNotDrive, 1))
                    .contains(MatchFilter.Exclusion.MISSING_MUST_HAVE);
        }

        static MatchWants needsAWoman() {
            MatchWants w = wants();
            return new MatchWants(1, w.latitude(), w.longitude(), 20, 1400, w.skillsWantedMask(), Skill.PERSONAL_CARE.mask(), 0,
                    w.availabilityMask(), 2, Gender.FEMALE);
        }

        static MatchOffer withGender(MatchOffer o, Gender gender) {
            return new MatchOffer(o.profileId(), o.status(), o.visible(), o.latitude(), o.longitude(), o.travelKm(),
                    o.hourlyRatePence(), o.skillsMask(), o.languagesMask(), o.availabilityMask(), gender, o.employmentBasis());
        }

        @Test
        void aGenderMustHaveForIntimateCare_onlyThatGenderMatches() {
            assertThat(MatchFilter.exclusion(needsAWoman(), withGender(offer(1), Gender.FEMALE), 1)).isEmpty();
            assertThat(MatchFilter.exclusion(needsAWoman(), withGender(offer(1), Gender.MALE), 1))
                    .contains(MatchFilter.Exclusion.MISSING_MUST_HAVE);
            assertThat(MatchFilter.exclusion(needsAWoman(), withGender(offer(1), Gender.NON_BINARY), 1))
                    .contains(MatchFilter.Exclusion.MISSING_MUST_HAVE);
        }

        @Test
        void aPaWhoDidNotGiveTheirGenderNeverMatchesAGenderMustHave_butMatchesEverythingElse() {
            assertThat(MatchFilter.exclusion(needsAWoman(), withGender(offer(1), null), 1))
                    .contains(MatchFilter.Exclusion.MISSING_MUST_HAVE);
            assertThat(MatchFilter.exclusion(wants(), withGender(offer(1), null), 1)).isEmpty();
            assertThat(MatchFilter.exclusion(wants(), withGender(offer(1), Gender.MALE), 1)).as("no gender asked for").isEmpty();
        }

        @Test
        void theGenderMustHaveIsReadFromTheVacancysMustHaves() {
            assertThat(Gender.mustHaveOf(List.of("personal-care", "gender:female"))).isEqualTo(Gender.FEMALE);
            assertThat(Gender.mustHaveOf(List.of("GENDER:MALE"))).isEqualTo(Gender.MALE);
            assertThat(Gender.mustHaveOf(List.of("personal-care", "cy"))).isNull();
            assertThat(Gender.fromMustHave("gender:non-binary")).as("only a woman or a man may be asked for").isEmpty();
        }

        @Test
        void aGenderMayBeAskedForOnlyWithPersonalCare_andOnlyOne() {
            assertThat(IntimateCarePolicy.check(Set.of(Skill.DRIVING), List.of("gender:female")))
                    .contains(IntimateCarePolicy.Refusal.NOT_INTIMATE_CARE);
            assertThat(IntimateCarePolicy.check(Set.of(Skill.PERSONAL_CARE), List.of("gender:female"))).isEmpty();
            assertThat(IntimateCarePolicy.check(Set.of(), List.of("personal-care", "gender:male"))).isEmpty();
            assertThat(IntimateCarePolicy.check(Set.of(Skill.PERSONAL_CARE), List.of("gender:female", "gender:male")))
                    .contains(IntimateCarePolicy.Refusal.MORE_THAN_ONE_GENDER);
            assertThat(IntimateCarePolicy.check(Set.of(Skill.DRIVING), List.of("driving"))).as("no gender, no rule").isEmpty();
        }

        @Test
        void employedOrSelfEmployed_aPaHappyWithEitherSuitsBoth() {
            assertThat(EmploymentBasis.EMPLOYED.suits(EmploymentBasis.EMPLOYED)).isTrue();
            assertThat(EmploymentBasis.EMPLOYED.suits(EmploymentBasis.SELF_EMPLOYED)).isFalse();
            assertThat(EmploymentBasis.SELF_EMPLOYED.suits(EmploymentBasis.EMPLOYED)).isFalse();
            assertThat(EmploymentBasis.SELF_EMPLOYED.suits(EmploymentBasis.SELF_EMPLOYED)).isTrue();
            assertThat(EmploymentBasis.EITHER.suits(EmploymentBasis.EMPLOYED)).isTrue();
            assertThat(EmploymentBasis.EITHER.suits(EmploymentBasis.SELF_EMPLOYED)).isTrue();
            assertThat(EmploymentBasis.SELF_EMPLOYED.suits(null)).as("no filter").isTrue();
            assertThat(EmploymentBasis.parse("self-employed")).contains(EmploymentBasis.SELF_EMPLOYED);
            assertThat(EmploymentBasis.parse("freelance")).isEmpty();
        }

        @Test
        void trainingIsCompletedOnADayNotInTheFutureAndNotBefore1950() {
            LocalDate today = LocalDate.of(2026, 11, 30);
            assertThat(TrainingRecord.dateProblem(today, today)).isNull();
            assertThat(TrainingRecord.dateProblem(today.plusDays(1), today)).isEqualTo(TrainingRecord.DateProblem.FUTURE);
            assertThat(TrainingRecord.dateProblem(LocalDate.of(1950, 1, 1), today)).isNull();
            assertThat(TrainingRecord.dateProblem(LocalDate.of(1949, 12, 31), today)).isEqualTo(TrainingRecord.DateProblem.TOO_EARLY);
        }

        @Test
        void theDistanceMustBeWithinThePasTravelRadius_atTheRadiusIsWithin() {
            MatchOffer travelsTen = with(offer(1), 10, 1400, offer(1).skillsMask(), offer(1).languagesMask(), offer(1).availabilityMask());
            assertThat(MatchFilter.exclusion(wants(), travelsTen, 10.0)).isEmpty();
            assertThat(MatchFilter.exclusion(wants(), travelsTen, 10.01)).contains(MatchFilter.Exclusion.BEYOND_PA_TRAVEL);
        }

        @Test
        void theDistanceMustBeWithinTheVacancysLimit_atTheLimitIsWithin() {
            MatchOffer travelsFar = with(offer(1), 100, 1400, offer(1).skillsMask(), offer(1).languagesMask(), offer(1).availabilityMask());
            assertThat(MatchFilter.exclusion(wants(), travelsFar, 20.0)).isEmpty();
            assertThat(MatchFilter.exclusion(wants(), travelsFar, 20.01)).contains(MatchFilter.Exclusion.BEYOND_VACANCY_DISTANCE);
        }

        @Test
        void theBoxAroundAPlaceHoldsEveryPointWithinTheDistance() {
            MatchFilter.Box box = MatchFilter.boxAround(52.7, -2.75, 30);
            for (int bearing = 0; bearing < 360; bearing += 15) {
                double rad = Math.toRadians(bearing);
                // a point about 29.9 km away on each bearing
                double lat = 52.7 + 29.9 / 111.2 * Math.cos(rad);
                double lon = -2.75 + 29.9 / (111.2 * Math.cos(Math.toRadians(lat))) * Math.sin(rad);
                assertThat(MatchFilter.distanceKm(52.7, -2.75, lat, lon)).isLessThan(30);
                assertThat(lat).isBetween(box.south(), box.north());
                assertThat(lon).isBetween(box.west(), box.east());
            }
        }

        @Test
        void distancesAreBetweenSectorCentresOnTheEarth() {
            // Shrewsbury (SY1) to Wrexham (LL11): about 44 km
            assertThat(MatchFilter.distanceKm(52.7077, -2.7535, 53.0467, -2.9925)).isBetween(40.0, 45.0);
        }
    }

    @Nested
    class Score {

        @Test
        void everythingWantedAtTheSamePlaceScores100() {
            MatchScore score = scoring.score(wants(), offer(1), 2, 0);
            assertThat(score.score()).isEqualTo(100);
            assertThat(score.availabilityOverlap()).isEqualTo(4);
            assertThat(score.sharedInterests()).isEqualTo(2);
            assertThat(Skill.codesOf(score.skillsMetMask())).containsExactly("personal-care", "driving");
            assertThat(score.rateFits()).isTrue();
        }

        @Test
        void availability_eachTimeInCommonCounts() {
            MatchOffer halfTheTimes = with(offer(1), 20, 1400, offer(1).skillsMask(), 1, SAT_MORNING | MON_NIGHT | 1);
            MatchScore score = scoring.score(wants(), halfTheTimes, 2, 0);
            assertThat(score.availabilityOverlap()).isEqualTo(2);
            assertThat(AvailabilitySlot.slotsOf(score.timesInCommonMask())).extracting(AvailabilitySlot::code)
                    .containsExactly("MON_NIGHT", "SAT_MORNING");
            // 35 × 0.5 + 20 + 20 + 15 + 10 = 82.5 → 83 (half up)
            assertThat(score.score()).isEqualTo(83);
        }

        @Test
        void interests_theShareOfTheVacancysInterestsInCommon() {
            assertThat(scoring.score(wants(), offer(1), 1, 0).score()).isEqualTo(90);
            assertThat(scoring.score(wants(), offer(1), 0, 0).score()).isEqualTo(80);
        }

        @Test
        void skills_theShareOfWantedSkillsMet() {
            MatchOffer drivesOnly = with(offer(1), 20, 1400, Skill.DRIVING.mask() | Skill.COOKING.mask(), 1, offer(1).availabilityMask());
            MatchScore score = scoring.score(wants(), drivesOnly, 2, 0);
            assertThat(Skill.codesOf(score.skillsMetMask())).containsExactly("driving");
            assertThat(score.score()).isEqualTo(90);
        }

        @Test
        void rate_fitsUpToTheRateOffered_thenFallsToNothingAt20PercentMore() {
            MatchOffer o = offer(1);
            assertThat(scoring.score(wants(), with(o, 20, 1400, o.skillsMask(), 1, o.availabilityMask()), 2, 0).rateFits()).isTrue();
            MatchScore onePennyMore = scoring.score(wants(), with(o, 20, 1401, o.skillsMask(), 1, o.availabilityMask()), 2, 0);
            assertThat(onePennyMore.rateFits()).isFalse();
            assertThat(onePennyMore.score()).isEqualTo(100);
            // 10% more: half the rate weight (15 × 0.5) is lost
            assertThat(scoring.score(wants(), with(o, 20, 1540, o.skillsMask(), 1, o.availabilityMask()), 2, 0).score()).isEqualTo(93);
            assertThat(scoring.score(wants(), with(o, 20, 1680, o.skillsMask(), 1, o.availabilityMask()), 2, 0).score()).isEqualTo(85);
            assertThat(scoring.score(wants(), with(o, 20, 5000, o.skillsMask(), 1, o.availabilityMask()), 2, 0).score()).isEqualTo(85);
        }

        @Test
        void rate_inWholePence_scoresAsTheDoublesDid_butAtAnExactHalf() {
            // the rate part was 1 − extra ÷ (offered × 0.2) in doubles; in pence it is exact. The score is the
            // nearest whole number either way; only a share of exactly half a point (where the weighing, still in
            // doubles, may round either way) can differ, and asking more never scores more
            MatchScoring onlyRate = new MatchScoring(new MatchWeights(0, 0, 0, 100, 0));
            MatchOffer o = offer(1);
            for (long offered = 1000; offered <= 2000; offered += 7) {
                MatchWants w = new MatchWants(1, wants().latitude(), wants().longitude(), 20, offered, wants().skillsWantedMask(), 0, 0,
                        wants().availabilityMask(), wants().interestCount(), null);
                int previous = 100;
                for (long asked = offered + 1; asked <= offered * 5 / 4; asked++) {
                    int score = onlyRate.score(w, with(o, 20, asked, o.skillsMask(), 1, o.availabilityMask()), 2, 0).score();
                    long points = Math.max(0, offered * 20 - (asked - offered) * 100) * 100; // the share is points ÷ scale
                    long scale = offered * 20;
                    int before = (int) Math.round(Math.max(0, 1 - (double) (asked - offered) / (offered * 0.2)) * 100);
                    if (points % scale != 0 && (2 * points) % scale == 0) {
                        assertThat(score).as("offered %d, asked %d: a half", offered, asked)
                                .isBetween((int) (points / scale), (int) (points / scale) + 1);
                    } else {
                        assertThat(score).as("offered %d, asked %d", offered, asked).isEqualTo((int) ((2 * points + scale) / (2 * scale)))
                                .isEqualTo(before);
                    }
                    assertThat(score).as("asking more never scores more").isLessThanOrEqualTo(previous);
                    previous = score;
                }
            }
            assertThat(MatchScoring.rateShare(0, 100).value()).as("nothing offered").isZero();
        }

        @Test
        void distance_fullAtTheSamePlace_nothingAtTheNearerLimit() {
            assertThat(scoring.score(wants(), offer(1), 2, 10).score()).isEqualTo(95);
            assertThat(scoring.score(wants(), offer(1), 2, 20).score()).isEqualTo(90);
            MatchOffer travelsFive = with(offer(1), 5, 1400, offer(1).skillsMask(), 1, offer(1).availabilityMask());
            assertThat(scoring.score(wants(), travelsFive, 2, 5).score()).as("the PA's 5 km is the nearer limit").isEqualTo(90);
        }

        @Test
        void nothingAskedForCountsAsMet() {
            MatchWants w = wants();
            MatchWants noInterestsNoSkills = new MatchWants(1, w.latitude(), w.longitude(), 20, 1400, 0, 0, 0, w.availabilityMask(), 0,
                    null);
            assertThat(scoring.score(noInterestsNoSkills, with(offer(1), 20, 1400, 0, 1, offer(1).availabilityMask()), 0, 0).score())
                    .isEqualTo(100);
        }

        @Test
        void councilWeightsChangeTheScore() {
            MatchScoring onlyInterests = new MatchScoring(new MatchWeights(0, 100, 0, 0, 0));
            assertThat(onlyInterests.score(wants(), offer(1), 1, 15).score()).isEqualTo(50);
        }

        @Test
        void equalScoresAreInProfileIdOrder_andTheSameInputsGiveTheSameOrder() {
            List<long[]> order = new ArrayList<>();
            List<MatchOffer> offers = List.of(offer(7), offer(3), offer(5), with(offer(4), 20, 1400, 0, 1, SAT_MORNING));
            for (int run = 0; run < 2; run++) {
                List<MatchOffer> sorted = offers.stream()
                        .sorted((a, b) -> MatchScore.compare(scoring.score(wants(), a, 2, 1), a.profileId(),
                                scoring.score(wants(), b, 2, 1), b.profileId()))
                        .toList();
                order.add(sorted.stream().mapToLong(MatchOffer::profileId).toArray());
            }
            assertThat(order.get(0)).containsExactly(3, 5, 7, 4);
            assertThat(order.get(1)).containsExactly(order.get(0));
        }
    }

    @Nested
    class Rules {

        final NationalLivingWagePolicy wage = new NationalLivingWagePolicy(Map.of(
                LocalDate.of(2025, 4, 1), Money.ofPence(1221), LocalDate.of(2026, 4, 1), Money.ofPence(1271)));

        @Test
        void theNationalLivingWageInForceWhenWorkStarts() {
            LocalDate today = LocalDate.of(2026, 3, 1);
            assertThat(wage.check(Money.ofPence(1221), LocalDate.of(2026, 3, 31), today)).isEmpty();
            assertThat(wage.check(Money.ofPence(1221), LocalDate.of(2026, 4, 1), today))
                    .hasValueSatisfying(r -> assertThat(r.nationalLivingWage()).isEqualTo(Money.ofPence(1271)));
            assertThat(wage.check(Money.ofPence(1271), LocalDate.of(2026, 4, 1), today)).isEmpty();
            assertThat(wage.check(Money.ofPence(1270), LocalDate.of(2026, 4, 1), today)).isPresent();
        }

        @Test
        void aStartInThePastIsCheckedAgainstTodaysRate() {
            assertThat(wage.check(Money.ofPence(1250), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30))).isPresent();
        }

        @Test
        void aProfileGoesLiveOnlyWithEveryCheck() {
            LocalDate today = LocalDate.of(2026, 11, 30);
            assertThat(ProfileChecksPolicy.missing(true, true, today, true, today)).isEmpty();
            assertThat(ProfileChecksPolicy.missing(false, true, today, true, today)).containsExactly(ProfileChecksPolicy.Missing.IDENTITY);
            assertThat(ProfileChecksPolicy.missing(true, false, today, true, today)).containsExactly(ProfileChecksPolicy.Missing.REFERENCES);
            assertThat(ProfileChecksPolicy.missing(true, true, null, true, today)).containsExactly(ProfileChecksPolicy.Missing.DBS_CHECK);
            assertThat(ProfileChecksPolicy.missing(true, true, today.plusDays(1), true, today))
                    .containsExactly(ProfileChecksPolicy.Missing.DBS_CHECK_IN_FUTURE);
            assertThat(ProfileChecksPolicy.missing(true, true, today, false, today))
                    .containsExactly(ProfileChecksPolicy.Missing.CODE_OF_CONDUCT);
        }

        @Test
        void profileTransitions() {
            assertThat(PaProfileTransitions.next(PaProfileStatus.AWAITING_CHECKS, PaProfileTransitions.Event.CHECKS_PASSED))
                    .contains(PaProfileStatus.LIVE);
            assertThat(PaProfileTransitions.next(PaProfileStatus.LIVE, PaProfileTransitions.Event.SUSPENDED))
                    .contains(PaProfileStatus.SUSPENDED);
            assertThat(PaProfileTransitions.next(PaProfileStatus.SUSPENDED, PaProfileTransitions.Event.CHECKS_PASSED)).isEmpty();
            assertThat(PaProfileTransitions.next(PaProfileStatus.SUSPENDED, PaProfileTransitions.Event.REINSTATED))
                    .contains(PaProfileStatus.AWAITING_CHECKS);
            assertThat(PaProfileTransitions.next(PaProfileStatus.LIVE, PaProfileTransitions.Event.REINSTATED)).isEmpty();
        }

        @Test
        void onlyTheOtherSideAccepts_andOnlyTheEmployerHiresOnceConnected() {
            assertThat(IntroductionTransitions.apply(IntroductionStatus.INVITED, IntroductionTransitions.Event.ACCEPT, Side.PA).to())
                    .isEqualTo(IntroductionStatus.CONNECTED);
            assertThat(IntroductionTransitions.apply(IntroductionStatus.INVITED, IntroductionTransitions.Event.ACCEPT, Side.EMPLOYER)
                    .refusal()).isEqualTo(IntroductionTransitions.Refusal.NOT_THIS_SIDE);
            assertThat(IntroductionTransitions.apply(IntroductionStatus.INTERESTED, IntroductionTransitions.Event.ACCEPT, Side.EMPLOYER)
                    .to()).isEqualTo(IntroductionStatus.CONNECTED);
            assertThat(IntroductionTransitions.apply(IntroductionStatus.INTERESTED, IntroductionTransitions.Event.ACCEPT, Side.PA)
                    .refusal()).isEqualTo(IntroductionTransitions.Refusal.NOT_THIS_SIDE);
            assertThat(IntroductionTransitions.apply(IntroductionStatus.INVITED, IntroductionTransitions.Event.HIRE, Side.EMPLOYER)
                    .refusal()).isEqualTo(IntroductionTransitions.Refusal.NOT_FROM_THIS_STATUS);
            assertThat(IntroductionTransitions.apply(IntroductionStatus.CONNECTED, IntroductionTransitions.Event.HIRE, Side.PA)
                    .refusal()).isEqualTo(IntroductionTransitions.Refusal.NOT_THIS_SIDE);
            assertThat(IntroductionTransitions.apply(IntroductionStatus.CONNECTED, IntroductionTransitions.Event.HIRE, Side.EMPLOYER)
                    .to()).isEqualTo(IntroductionStatus.HIRED);
            assertThat(IntroductionTransitions.apply(IntroductionStatus.DECLINED, IntroductionTransitions.Event.BLOCK, Side.PA).to())
                    .isEqualTo(IntroductionStatus.BLOCKED);
            assertThat(IntroductionTransitions.apply(IntroductionStatus.HIRED, IntroductionTransitions.Event.DECLINE, Side.PA)
                    .allowed()).isFalse();
            assertThat(Set.of(IntroductionStatus.values()).stream().filter(IntroductionTransitions::connected).sorted(Comparator.naturalOrder()))
                    .containsExactly(IntroductionStatus.CONNECTED, IntroductionStatus.HIRED);
        }
    }
}
