package org.dphub.information;

/** A jargon buster entry as a council administrator saves it, in both languages. */
public record TermEdit(String term, String definition, String termCy, String definitionCy) {
}
