package org.dphub.rights;

import java.time.Instant;
import java.util.List;
import org.dphub.shared.personaldata.PersonalDataSource.Section;

/**
 * A person's whole record as dphub holds it, for a subject access request: whom it is about
 * ({@code kind} "citizen" or "user"), their name as recorded, when it was made, and a section per
 * module, in a fixed order.
 */
public record SubjectAccess(String kind, long id, String name, Instant made, List<Section> sections) {
    public SubjectAccess {
        sections = List.copyOf(sections);
    }

    /** The sections as JSON reads them: section, then table, then its records. */
    public java.util.Map<String, java.util.Map<String, List<java.util.Map<String, Object>>>> sectionMap() {
        var out = new java.util.LinkedHashMap<String, java.util.Map<String, List<java.util.Map<String, Object>>>>();
        for (Section s : sections) {
            var tables = new java.util.LinkedHashMap<String, List<java.util.Map<String, Object>>>();
            s.tables().forEach(t -> tables.put(t.key(), t.rows()));
            out.put(s.key(), tables);
        }
        return out;
    }
}
