package org.dphub.feedback;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A round's results for council staff: how many answered (in all, and by role kind), each stage's
 * count of answers and average rating, the council's trend by quarter (all its rounds), and the
 * comments with names and numbers masked ({@link CommentMask}).
 */
public record Results(Round round, long answers, long anonymous, Map<RoleKind, Long> byRole, List<StageFigure> stages,
                      List<QuarterFigure> trend, List<Comment> comments) {

    /** A stage: how many answered it, how many gave a rating, and the average rating (to 2 places; null with none). */
    public record StageFigure(Stage stage, long answers, long rated, BigDecimal averageRating) {
    }

    /** A quarter ("2026-Q4") and a stage: ratings given in answers made that quarter, and their average. */
    public record QuarterFigure(String quarter, Stage stage, long rated, BigDecimal averageRating) {
    }

    /** What someone wrote about a stage, masked; the role kind it came from and the quarter it was written. */
    public record Comment(Stage stage, boolean working, String text, RoleKind roleKind, String quarter) {
    }
}
