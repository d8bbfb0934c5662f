package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PoolRepositoryTest {
  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void defaultPoolIsSeededWith128SlotsAndCannotBeDeleted(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      PoolRepository pools = new PoolRepository(t.db());

      PoolRecord defaultPool = pools.get("default_pool").orElseThrow();
      assertThat(defaultPool.pool()).isEqualTo("default_pool");
      assertThat(defaultPool.slots()).isEqualTo(128);
      assertThat(defaultPool.description()).isEqualTo("Default pool");
      assertThat(defaultPool.includeDeferred()).isFalse();
      assertThat(pools.list()).containsExactly(defaultPool);

      assertThatThrownBy(() -> pools.delete("default_pool"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("default_pool cannot be deleted");
      assertThat(pools.get("default_pool")).contains(defaultPool);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void createUpdateListAndDelete(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      PoolRepository pools = new PoolRepository(t.db());

      PoolRecord gpu = pools.create("gpu", 2, "the one GPU box", true);
      assertThat(gpu.id()).isPositive();
      assertThat(pools.get("gpu")).contains(gpu);
      assertThatThrownBy(() -> pools.create("gpu", 4, null, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("pool 'gpu' already exists");
      assertThatThrownBy(() -> pools.create("bad", -2, null, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-2 slots");

      assertThat(pools.update("gpu", 4, "two boxes", false))
          .contains(new PoolRecord(gpu.id(), "gpu", 4, "two boxes", false));
      assertThat(pools.update("missing", 1, null, false)).isEmpty();
      PoolRecord unlimited = pools.create("api", -1, null, false);
      assertThat(pools.list())
          .extracting(PoolRecord::pool)
          .containsExactly("api", "default_pool", "gpu");
      assertThat(unlimited.slots()).isEqualTo(-1);

      assertThat(pools.delete("gpu")).isTrue();
      assertThat(pools.delete("gpu")).isFalse();
      assertThat(pools.get("gpu")).isEmpty();
    }
  }
}
