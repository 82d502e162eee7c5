package org.dphub.plans;

/**
 * One arrangement of a plan's contingency plan: who steps in if a PA cannot come. {@code name} and
 * {@code contact} are empty for {@link ContingencyKind#FIND_COVER}; {@code notes} is free text.
 */
public record ContingencyArrangement(ContingencyKind kind, String name, String contact, String notes) {

    public ContingencyArrangement {
        name = name == null ? "" : name;
        contact = contact == null ? "" : contact;
        notes = notes == null ? "" : notes;
    }
}
