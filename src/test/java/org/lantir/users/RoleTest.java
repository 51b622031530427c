package org.lantir.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void wireNamesAreThePythonToolsLowerCaseNames() {
        assertThat(Role.ADMIN.wireName()).isEqualTo("admin");
        assertThat(Role.WRITE.wireName()).isEqualTo("write");
        assertThat(Role.READ.wireName()).isEqualTo("read");
    }

    @Test
    void fromWireNameIgnoresCaseAndBlanksAndRefusesOthers() {
        assertThat(Role.fromWireName("write")).contains(Role.WRITE);
        assertThat(Role.fromWireName(" ADMIN ")).contains(Role.ADMIN);
        assertThat(Role.fromWireName("root")).isEmpty();
        assertThat(Role.fromWireName("")).isEmpty();
        assertThat(Role.fromWireName(null)).isEmpty();
    }

    @Test
    void permissionsFollowThePythonToolsRoles() {
        assertThat(Role.READ.mayReadWorklist()).isTrue();
        assertThat(Role.READ.mayWriteWorklist()).isFalse();
        assertThat(Role.READ.mayManageUsers()).isFalse();

        assertThat(Role.WRITE.mayReadWorklist()).isTrue();
        assertThat(Role.WRITE.mayWriteWorklist()).isTrue();
        assertThat(Role.WRITE.mayManageUsers()).isFalse();

        assertThat(Role.ADMIN.mayReadWorklist()).isTrue();
        assertThat(Role.ADMIN.mayWriteWorklist()).isTrue();
        assertThat(Role.ADMIN.mayManageUsers()).isTrue();
    }
}
