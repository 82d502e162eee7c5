package org.dphub.marketplace;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Training every care worker knows by name, so a page can show it in the reader's language
 * rather than as typed: the Care Certificate (England's induction standards, Skills for Care,
 * with the names of its standards before and after the 2025 refresh) and Wales's equivalent, the
 * All Wales Induction Framework for health and social care (Social Care Wales), and the courses
 * most care workers do besides (moving and handling, first aid...). A PA types the
 * names in their own words; a name recognised here (whatever its case, punctuation or "Standard
 * 3:" in front) is shown from the message bundle, anything else exactly as typed.
 */
public final class KnownTraining {

    /** Each name as a PA might type it, and its message key (after "training.name."). */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("care certificate", "care-certificate"),
            Map.entry("all wales induction framework", "all-wales-induction-framework"),
            Map.entry("all wales induction framework for health and social care", "all-wales-induction-framework"),
            Map.entry("understand your role", "understand-your-role"),
            Map.entry("understanding your role", "understand-your-role"),
            Map.entry("your personal development", "your-personal-development"),
            Map.entry("duty of care", "duty-of-care"),
            Map.entry("equality and diversity", "equality-and-diversity"),
            Map.entry("equality, diversity, inclusion and human rights", "equality-diversity-inclusion-and-human-rights"),
            Map.entry("work in a person-centred way", "work-in-a-person-centred-way"),
            Map.entry("communication", "communication"),
            Map.entry("privacy and dignity", "privacy-and-dignity"),
            Map.entry("fluids and nutrition", "fluids-and-nutrition"),
            Map.entry("awareness of mental health, dementia and learning disabilities", "awareness-of-mental-health-dementia-and-learning-disabilities"),
            Map.entry("awareness of mental health, dementia and learning disability", "awareness-of-mental-health-dementia-and-learning-disabilities"),
            Map.entry("awareness of mental health and dementia", "awareness-of-mental-health-and-dementia"),
            Map.entry("safeguarding adults", "safeguarding-adults"),
            Map.entry("adult safeguarding", "safeguarding-adults"),
            Map.entry("safeguarding children", "safeguarding-children"),
            Map.entry("basic life support", "basic-life-support"),
            Map.entry("health and safety", "health-and-safety"),
            Map.entry("handling information", "handling-information"),
            Map.entry("infection prevention and control", "infection-prevention-and-control"),
            Map.entry("awareness of learning disability and autism", "awareness-of-learning-disability-and-autism"),
            // courses most care workers do besides
            Map.entry("moving and handling", "moving-and-handling"),
            Map.entry("first aid", "first-aid"),
            Map.entry("food hygiene", "food-hygiene"),
            Map.entry("fire safety", "fire-safety"),
            Map.entry("safeguarding", "safeguarding"));

    /** The names made plain, as {@link #plain} makes what a PA typed. */
    private static final Map<String, String> KEYS = NAMES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(e -> plain(e.getKey()), Map.Entry::getValue, (a, b) -> a));

    private KnownTraining() {
    }

    /** The message key for a course or module as typed ("Standard 3: Duty of Care"), or null when it is not one we know. */
    public static String messageKey(String typed) {
        String key = typed == null ? null : KEYS.get(plain(typed));
        return key == null ? null : "training.name." + key;
    }

    /** Lower case, letters only, without "the", "and" or a "Standard 3:" in front. */
    static String plain(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replaceAll("^\\s*standard\\s*\\d+", "")
                .replaceAll("[^a-z]+", " ")
                .replaceAll("\\b(the|and)\\b", " ")
                .strip().replaceAll("\\s+", " ");
    }
}
