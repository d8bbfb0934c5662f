package dev.updraft.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserSpecParserTest {

  @Test
  void defaultsToOneAdmin() {
    assertThat(UserSpecParser.parse(null)).containsExactly(new SimpleUser("admin", Role.ADMIN));
    assertThat(UserSpecParser.parse(" ")).containsExactly(new SimpleUser("admin", Role.ADMIN));
  }

  @Test
  void parsesSeveralUsersInOrder() {
    assertThat(UserSpecParser.parse("bob:admin, peter:viewer,ann:USER,olga:op,"))
        .containsExactly(
            new SimpleUser("bob", Role.ADMIN),
            new SimpleUser("peter", Role.VIEWER),
            new SimpleUser("ann", Role.USER),
            new SimpleUser("olga", Role.OP));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bob:admin,peter | 'peter': expected username:role",
        "bob:admin,peter: | 'peter:': expected username:role",
        "bob:admin,:viewer | ':viewer': expected username:role",
        "bob:superuser | 'bob:superuser': unknown role 'superuser'",
        "bob:admin,bob:viewer | 'bob:viewer': duplicate user 'bob'",
        "bob:admin:team1 | 'bob:admin:team1': expected username:role",
      })
  void rejectsBadEntriesNamingThem(String spec, String culprit) {
    assertThatThrownBy(() -> UserSpecParser.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid UPDRAFT_USERS entry " + culprit);
  }
}
