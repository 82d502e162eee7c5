package org.dphub.insights;

/**
 * One figure: a class that computes its numbers in SQL for a council and a period, from the
 * read-only {@code insights_*} views. {@code key} names it everywhere: the JSON field, the page
 * section's id and its CSV ({@code /insights/{key}.csv}). New figures (savings against agency
 * care, money returned, PA rates, …) are new implementations with a section on the page.
 */
public interface Figure<N> {

    String key();

    /** The numbers, or null when the figure does not apply to this council (ASCOF in Wales). */
    N compute(CouncilFacts council, Period period);

    /** What a figure needs to know about the council. */
    record CouncilFacts(long id, String code, boolean england, int targetDaysToMoney) {
    }
}
