package org.dphub.plans;

/**
 * Who a plan is for: the kind, for a carer the person they care for (same council, never the carer),
 * and for a child whether they have an education, health and care plan (Children and Families Act
 * 2014 s49: the personal budget may then cover parts of the EHC plan's provision).
 */
public record PlanRecipient(RecipientKind kind, Long caredForCitizenId, boolean ehcPlan) {

    public static final PlanRecipient ADULT = new PlanRecipient(RecipientKind.ADULT, null, false);

    public PlanRecipient {
        kind = kind == null ? RecipientKind.ADULT : kind;
        caredForCitizenId = kind == RecipientKind.CARER ? caredForCitizenId : null;
        ehcPlan = kind == RecipientKind.CHILD && ehcPlan;
    }
}
