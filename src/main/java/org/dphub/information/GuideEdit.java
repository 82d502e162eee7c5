package org.dphub.information;

/**
 * A guide's text as a council administrator saves it, in both languages, with the versions it was
 * written from ({@code basedOn}, {@code basedOnCy}: their row ids), so a save cannot quietly replace
 * a version someone else saved in the meantime.
 */
public record GuideEdit(String title, String summary, String body, String titleCy, String summaryCy, String bodyCy,
                        Long basedOn, Long basedOnCy) {
}
