package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.people.Relationship.AUNT_UNCLE;
import static org.dphub.people.Relationship.CHILD;
import static org.dphub.people.Relationship.CHILD_IN_LAW;
import static org.dphub.people.Relationship.CIVIL_PARTNER;
import static org.dphub.people.Relationship.FRIEND;
import static org.dphub.people.Relationship.GRANDPARENT;
import static org.dphub.people.Relationship.PARENT;
import static org.dphub.people.Relationship.PARENT_IN_LAW;
import static org.dphub.people.Relationship.PARTNER;
import static org.dphub.people.Relationship.SIBLING;
import static org.dphub.people.Relationship.SPOUSE;
import static org.dphub.people.Relationship.STEPCHILD;
import static org.dphub.people.Relationship.STEP_PARENT;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dphub.councils.Nation;
import org.dphub.people.HouseholdMember;
import org.dphub.people.Relationship;
import org.dphub.people.Representative;
import org.dphub.people.RepresentativeKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules a direct payment must meet before it is set up (shared/DOMAIN.md, "Rules"). */
class PoliciesTest {

    static Representative representative(RepresentativeKind kind) {
        return new Representative(7, 1, 1, "Sam Jones", kind, "sam@example.org", null);
    }

    static HouseholdMember member(Relationship relationship, boolean livesInSameHousehold) {
        return new HouseholdMember(3, 1, 1, "Alex Jones", relationship, livesInSameHousehold);
    }

    /** Care Act 2014 s31/s32; Wales SI 2015/1815 reg 7. */
    @Nested
    class Capacity_CareAct_s31_s32 {

        @Test
        void hasCapacity_allowedWithoutARepresentative() {
            assertThat(CapacityPolicy.check(true, null)).isEqualTo(RuleCheck.allow(DirectPaymentRule.AUTHORISED_PERSON_REQUIRED));
        }

        @ParameterizedTest(name = "has capacity, {0}: allowed")
        @EnumSource(RepresentativeKind.class)
        void hasCapacity_allowedWithAnyRepresentative(RepresentativeKind kind) {
            assertThat(CapacityPolicy.check(true, representative(kind)))
                    .isEqualTo(RuleCheck.allow(DirectPaymentRule.AUTHORISED_PERSON_REQUIRED));
        }

        @Test
        void lacksCapacity_noRepresentative_refused_s32() {
            assertThat(CapacityPolicy.check(false, null)).isEqualTo(RuleCheck.refuse(DirectPaymentRule.AUTHORISED_PERSON_REQUIRED));
        }

        @Test
        void lacksCapacity_nominatedPerson_refused_s31NominatedPersonsAreForAdultsWithCapacity() {
            assertThat(CapacityPolicy.check(false, representative(RepresentativeKind.NOMINATED_PERSON)))
                    .isEqualTo(RuleCheck.refuse(DirectPaymentRule.AUTHORISED_PERSON_REQUIRED));
        }

        @Test
        void lacksCapacity_authorisedPerson_allowed_s32() {
            assertThat(CapacityPolicy.check(false, representative(RepresentativeKind.AUTHORISED_PERSON)))
                    .isEqualTo(RuleCheck.allow(DirectPaymentRule.AUTHORISED_PERSON_REQUIRED));
        }

        @Test
        void lacksCapacity_suitablePerson_allowed_WalesReg7() {
            assertThat(CapacityPolicy.check(false, representative(RepresentativeKind.SUITABLE_PERSON)))
                    .isEqualTo(RuleCheck.allow(DirectPaymentRule.AUTHORISED_PERSON_REQUIRED));
        }
    }

    /** SI 2014/2871 regulation 2 and Schedule; Wales SI 2015/1815 reg 14. */
    @Nested
    class ExcludedPerson_reg2 {

        @Test
        void excluded_refused() {
            assertThat(ExcludedPersonPolicy.check(true)).isEqualTo(RuleCheck.refuse(DirectPaymentRule.EXCLUDED_PERSON));
        }

        @Test
        void notExcluded_allowed() {
            assertThat(ExcludedPersonPolicy.check(false)).isEqualTo(RuleCheck.allow(DirectPaymentRule.EXCLUDED_PERSON));
        }
    }

    /**
     * SI 2014/2871 regulation 3 (England) and SI 2015/1815 regulation 6 (Wales). The lists are
     * written out here on purpose, not taken from {@link Relationship}'s own sets, so a wrong set
     * in main code makes these tests fail.
     */
    @Nested
    class FamilyMember_reg3_WalesReg6 {

        /** England reg 3(3): spouse, civil partner, partner, parent, parent-in-law, child, child-in-law, stepchild, sibling, aunt/uncle, grandparent, and the spouse or partner of any of these. */
        static final Set<Relationship> ENGLAND = EnumSet.of(SPOUSE, CIVIL_PARTNER, PARTNER, PARENT, PARENT_IN_LAW, CHILD,
                CHILD_IN_LAW, STEPCHILD, SIBLING, AUNT_UNCLE, GRANDPARENT, Relationship.PARTNER_OF_RELATIVE);
        /** Wales reg 1(4) "relative", used by reg 6: the same list plus step-parent. */
        static final Set<Relationship> WALES = EnumSet.of(SPOUSE, CIVIL_PARTNER, PARTNER, PARENT, PARENT_IN_LAW, STEP_PARENT,
                CHILD, CHILD_IN_LAW, STEPCHILD, SIBLING, AUNT_UNCLE, GRANDPARENT, Relationship.PARTNER_OF_RELATIVE);

        static Stream<Arguments> everyRelationshipEverywhere() {
            List<Arguments> cases = new ArrayList<>();
            for (Nation nation : Nation.values()) {
                for (Relationship relationship : Relationship.values()) {
                    for (boolean atHome : new boolean[] {true, false}) {
                        // England reg 3(3)(a) bars a spouse or civil partner wherever they live
                        boolean spouseAnywhere = nation == Nation.ENGLAND && (relationship == SPOUSE || relationship == CIVIL_PARTNER);
                        Set<Relationship> close = nation == Nation.WALES ? WALES : ENGLAND;
                        cases.add(Arguments.of(nation, relationship, atHome, spouseAnywhere || (atHome && close.contains(relationship))));
                    }
                }
            }
            return cases.stream();
        }

        @ParameterizedTest(name = "{0}, {1}, same household {2} → refused {3}")
        @MethodSource("everyRelationshipEverywhere")
        void refusedExactlyForCloseFamilyAtHome_unlessTheCouncilDecidesItIsNecessary(Nation nation, Relationship relationship,
                                                                                 boolean atHome, boolean refused) {
            var payees = List.of(member(relationship, atHome));

            assertThat(FamilyMemberPaymentPolicy.check(nation, payees, null))
                    .isEqualTo(new RuleCheck(DirectPaymentRule.FAMILY_MEMBER_IN_HOUSEHOLD, !refused));
            assertThat(FamilyMemberPaymentPolicy.needsDecision(nation, payees)).isEqualTo(refused);
            // a blank or whitespace reason is no decision
            assertThat(FamilyMemberPaymentPolicy.check(nation, payees, "").allowed()).isEqualTo(!refused);
            assertThat(FamilyMemberPaymentPolicy.check(nation, payees, " \t\n").allowed()).isEqualTo(!refused);
            // reg 3(2) / Wales reg 6: a recorded necessity decision allows it
            assertThat(FamilyMemberPaymentPolicy.check(nation, payees, "No other PA speaks Punjabi"))
                    .isEqualTo(RuleCheck.allow(DirectPaymentRule.FAMILY_MEMBER_IN_HOUSEHOLD));
        }

        @Test
        void theMatrixCoversEveryRelationshipInBothNations() {
            // 16 relationships × 2 households × 2 nations
            assertThat(Relationship.values()).hasSize(16);
            assertThat(everyRelationshipEverywhere().count()).isEqualTo(64);
        }

        @Test
        void stepParentAtHome_refusedInWales_allowedInEngland() {
            var payees = List.of(member(STEP_PARENT, true));
            assertThat(FamilyMemberPaymentPolicy.check(Nation.WALES, payees, null).allowed()).isFalse();
            assertThat(FamilyMemberPaymentPolicy.check(Nation.ENGLAND, payees, null).allowed()).isTrue();
        }

        @ParameterizedTest(name = "{0}: a friend in the household is fine")
        @EnumSource(Nation.class)
        void aFriendInTheHouseholdIsFine(Nation nation) {
            assertThat(FamilyMemberPaymentPolicy.check(nation, List.of(member(FRIEND, true)), null).allowed()).isTrue();
            assertThat(FamilyMemberPaymentPolicy.needsDecision(nation, List.of(member(FRIEND, true)))).isFalse();
        }

        @Test
        void aSpouseLivingElsewhereIsFine_Wales_reg6IsAboutRelativesInTheSameHousehold() {
            assertThat(FamilyMemberPaymentPolicy.check(Nation.WALES, List.of(member(SPOUSE, false)), null).allowed()).isTrue();
            assertThat(FamilyMemberPaymentPolicy.check(Nation.WALES, List.of(member(CIVIL_PARTNER, false)), null).allowed()).isTrue();
        }

        @ParameterizedTest(name = "England: {0} living elsewhere still needs a necessity decision")
        @EnumSource(value = Relationship.class, names = {"SPOUSE", "CIVIL_PARTNER"})
        void spouseOrCivilPartnerLivingElsewhere_England(Relationship relationship) {
            var payees = List.of(member(relationship, false));
            assertThat(FamilyMemberPaymentPolicy.check(Nation.ENGLAND, payees, null))
                    .isEqualTo(RuleCheck.refuse(DirectPaymentRule.FAMILY_MEMBER_IN_HOUSEHOLD));
            assertThat(FamilyMemberPaymentPolicy.needsDecision(Nation.ENGLAND, payees)).isTrue();
            assertThat(FamilyMemberPaymentPolicy.check(Nation.ENGLAND, payees, "Necessary: no PAs in the area").allowed())
                    .isTrue();
        }

        @ParameterizedTest(name = "{0}: several payees, one close relative at home → refused")
        @EnumSource(Nation.class)
        void severalPayeesWhereOnlyOneIsCloseFamilyAtHome(Nation nation) {
            var payees = List.of(member(FRIEND, true), member(Relationship.OTHER, true), member(PARTNER, false),
                    member(SIBLING, true), member(PARENT, false));
            assertThat(FamilyMemberPaymentPolicy.check(nation, payees, null))
                    .isEqualTo(RuleCheck.refuse(DirectPaymentRule.FAMILY_MEMBER_IN_HOUSEHOLD));
            assertThat(FamilyMemberPaymentPolicy.needsDecision(nation, payees)).isTrue();
            assertThat(FamilyMemberPaymentPolicy.check(nation, payees, "Needs care at night").allowed()).isTrue();
        }

        @ParameterizedTest(name = "{0}: no payees → allowed")
        @EnumSource(Nation.class)
        void noPayees(Nation nation) {
            assertThat(FamilyMemberPaymentPolicy.check(nation, List.of(), null).allowed()).isTrue();
            assertThat(FamilyMemberPaymentPolicy.needsDecision(nation, List.of())).isFalse();
        }

        @ParameterizedTest(name = "reason \"{0}\" is no decision")
        @ValueSource(strings = {"", " ", "\t", "\n  \n"})
        void aBlankReasonIsNoDecision(String reason) {
            assertThat(FamilyMemberPaymentPolicy.check(Nation.ENGLAND, List.of(member(CHILD, true)), reason))
                    .isEqualTo(RuleCheck.refuse(DirectPaymentRule.FAMILY_MEMBER_IN_HOUSEHOLD));
        }
    }
}
