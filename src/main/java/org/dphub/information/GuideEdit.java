package org.dphub.information;

/** A guide's text as a council administrator saves it, in both languages. */
public record GuideEdit(String title, String summary, String body, String titleCy, String summaryCy, String bodyCy) {
}
