package dev.updraft.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleAndPermissionTest {

  @Test
  void eachRoleHasTheRightsOfTheOnesBefore() {
    Map<Role, EnumSet<Permission>> expected =
        Map.of(
            Role.VIEWER, EnumSet.of(Permission.READ),
            Role.USER, EnumSet.of(Permission.READ, Permission.TRIGGER, Permission.EDIT),
            Role.OP,
                EnumSet.of(
                    Permission.READ,
                    Permission.TRIGGER,
                    Permission.EDIT,
                    Permission.POOLS,
                    Permission.VARIABLES,
                    Permission.CONNECTIONS),
            Role.ADMIN, EnumSet.allOf(Permission.class));
    for (Role role : Role.values()) {
      EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
      for (Permission permission : Permission.values()) {
        if (role.includes(permission.minimumRole())) {
          granted.add(permission);
        }
      }
      assertThat(granted).as(role.name()).isEqualTo(expected.get(role));
    }
  }

  @Test
  void rolesParseCaseInsensitively() {
    assertThat(Role.parse("Op")).isEqualTo(Role.OP);
    assertThat(Role.OP.configName()).isEqualTo("op");
  }
}
