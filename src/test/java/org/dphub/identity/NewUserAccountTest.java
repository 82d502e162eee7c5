package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.dphub.shared.Role;
import org.junit.jupiter.api.Test;

/** Staff belong to a council; a national analyst belongs to none and holds no other role. */
class NewUserAccountTest {

    @Test
    void aNationalAnalystHasNoCouncilAndNoOtherRole() {
        assertThat(new NewUserAccount("Analyst@Example", "pw", "A", null, EnumSet.of(Role.NATIONAL_ANALYST), null).username())
                .isEqualTo("analyst@example");
        assertThatThrownBy(() -> new NewUserAccount("a@b", "pw", "A", 1L, EnumSet.of(Role.NATIONAL_ANALYST), "en"))
                .hasMessageContaining("belongs to no council");
        assertThatThrownBy(() -> new NewUserAccount("a@b", "pw", "A", null, EnumSet.of(Role.NATIONAL_ANALYST, Role.CITIZEN), "en"))
                .hasMessageContaining("no other role");
        assertThat(Role.NATIONAL_ANALYST.isStaff()).isFalse();
    }

    @Test
    void staffMustBelongToACouncil() {
        assertThatThrownBy(() -> new NewUserAccount("a@b", "pw", "A", null, EnumSet.of(Role.FINANCE), "en"))
                .hasMessageContaining("Council staff must belong to a council");
    }
}
