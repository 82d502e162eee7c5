package org.dphub.feedback;

import java.util.Map;

/**
 * An answer as typed (page or API), not yet checked: whether to answer anonymously ("yes"/"no"),
 * and for each stage the person answered the rating as typed ("1" to "5") and the two texts.
 * A stage left out, or with nothing in it, is skipped.
 */
public record AnswerInput(String anonymous, Map<Stage, StageInput> stages) {

    public AnswerInput {
        stages = stages == null ? Map.of() : Map.copyOf(stages);
    }

    public record StageInput(String rating, String working, String notWorking) {

        public boolean isEmpty() {
            return blank(rating) && blank(working) && blank(notWorking);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
