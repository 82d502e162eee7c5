package org.dphub.marketplace;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a PA can do. The API uses {@link #code()} ("personal-care"); people read messages
 * {@code skill.<NAME>}. The bit numbers are stored in {@code pa_profile.skills_mask} and
 * {@code vacancy.*_mask}: add new skills with new bits, never renumber.
 */
public enum Skill {
    PERSONAL_CARE("personal-care", 0), MOVING_AND_HANDLING("moving-and-handling", 1), MEDICATION_SUPPORT("medication", 2),
    AUTISM("autism", 3), DEMENTIA("dementia", 4), MENTAL_HEALTH("mental-health", 5),
    LEARNING_DISABILITY("learning-disability", 6), PHYSICAL_DISABILITY("physical-disability", 7),
    SENSORY_IMPAIRMENT("sensory-impairment", 8), DRIVING("driving", 9), COOKING("cooking", 10),
    HOUSEHOLD_TASKS("household-tasks", 11), SHOPPING("shopping", 12), COMMUNITY_ACCESS("community-access", 13),
    EMOTIONAL_SUPPORT("emotional-support", 14), END_OF_LIFE_CARE("end-of-life-care", 15);

    private final String code;
    private final int bit;

    Skill(String code, int bit) {
        this.code = code;
        this.bit = bit;
    }

    public String code() {
        return code;
    }

    public int mask() {
        return 1 << bit;
    }

    public static Optional<Skill> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (Skill skill : values()) {
            if (skill.code.equals(wanted)) {
                return Optional.of(skill);
            }
        }
        return Optional.empty();
    }

    public static int maskOf(Set<Skill> skills) {
        int mask = 0;
        for (Skill skill : skills) {
            mask |= skill.mask();
        }
        return mask;
    }

    /** The skills whose bits are set, as codes, in a fixed order. */
    public static java.util.List<String> codesOf(int mask) {
        return java.util.Arrays.stream(values()).filter(s -> (mask & s.mask()) != 0).map(Skill::code).toList();
    }
}
