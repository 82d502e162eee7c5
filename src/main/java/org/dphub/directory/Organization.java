package org.dphub.directory;

import java.util.UUID;

/** An organisation in the directory; {@code userId} is the provider's account when it signed itself up. */
public record Organization(UUID id, long councilId, Long userId, String name, String description, OrganizationKind kind,
                           String email, String phone, String website) {

    /** What a provider types about its organisation. */
    public record Input(String name, String description, OrganizationKind kind, String email, String phone, String website) {
    }

    public java.util.Map<String, Object> auditValues() {
        var values = new java.util.LinkedHashMap<String, Object>();
        values.put("name", name);
        values.put("kind", kind.name());
        values.put("email", email);
        values.put("phone", phone);
        values.put("website", website);
        return values;
    }
}
