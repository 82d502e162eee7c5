package org.dphub.people;

/**
 * Whether a person's details have been erased (rights, UK GDPR article 17): then nothing personal is
 * written back to their record. The rights module has the bean; people asks before changing details.
 */
public interface ErasedPeople {

    boolean erased(long councilId, long citizenId);
}
