package org.dphub.marketplace;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * A vacancy may ask for a woman or a man only where the care is intimate: it must ask for
 * personal care (wanted or a must-have). The Equality Act 2010 (Schedule 9, paragraph 1) allows
 * an occupational requirement of sex for such work, and nothing broader; and one gender at most.
 */
public final class IntimateCarePolicy {

    public static final String RULE = "GENDER_ONLY_FOR_INTIMATE_CARE";

    public enum Refusal { NOT_INTIMATE_CARE, MORE_THAN_ONE_GENDER }

    private IntimateCarePolicy() {
    }

    public static Optional<Refusal> check(Set<Skill> skillsWanted, Collection<String> mustHaves) {
        long genders = mustHaves.stream().filter(code -> Gender.fromMustHave(code).isPresent()).count();
        if (genders == 0) {
            return Optional.empty();
        }
        if (genders > 1) {
            return Optional.of(Refusal.MORE_THAN_ONE_GENDER);
        }
        boolean personalCare = skillsWanted.contains(Skill.PERSONAL_CARE) || mustHaves.contains(Skill.PERSONAL_CARE.code());
        return personalCare ? Optional.empty() : Optional.of(Refusal.NOT_INTIMATE_CARE);
    }
}
