package org.dphub.audit;

public enum AuditAction {
    CREATE, UPDATE, DELETE
}
