package org.dphub.approvals;

/**
 * <pre>
 * (requested, at or under the limit) ------------------------> APPROVED
 * (requested, over the limit) --> AWAITING_APPROVAL --approve--> APPROVED
 *                                                   --decline--> DECLINED
 * </pre>
 */
public enum OneOffStatus {
    AWAITING_APPROVAL, APPROVED, DECLINED
}
