package org.dphub.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Implemented by the people module: the people (citizens) changes concern, always within one council. */
public interface AuditPeople {

    /** The council's citizens among these ids, by id; another council's are left out. */
    Map<Long, Person> people(long councilId, Collection<Long> citizenIds);

    /** The council's citizens whose name or reference contains the text, at most {@code limit}. */
    List<Person> matching(long councilId, String nameOrReference, int limit);

    record Person(long id, String name, String reference) {
    }
}
