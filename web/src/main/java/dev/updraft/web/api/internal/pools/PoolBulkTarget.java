package dev.updraft.web.api.internal.pools;

import dev.updraft.metadata.state.PoolRecord;
import dev.updraft.metadata.state.PoolRepository;
import dev.updraft.web.api.internal.BulkTarget;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.ValidationErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pools for {@code PATCH /api/v2/pools} (Airflow's {@code BulkPoolService}). */
final class PoolBulkTarget implements BulkTarget<PoolInput> {
  private final PoolRepository pools;

  PoolBulkTarget(PoolRepository pools) {
    this.pools = pools;
  }

  @Override
  public PoolInput read(JsonBody body, ValidationErrors errors, List<Object> loc) {
    return PoolInput.read(body);
  }

  @Override
  public String key(PoolInput pool) {
    return pool.name();
  }

  @Override
  public boolean exists(String name) {
    return pools.get(name).isPresent();
  }

  @Override
  public void put(PoolInput pool) {
    if (exists(pool.name())) {
      pools.update(pool.name(), pool.slots(), pool.description(), pool.includeDeferred());
    } else {
      pools.create(pool.name(), pool.slots(), pool.description(), pool.includeDeferred());
    }
  }

  // A pool body always has every field (defaults fill the rest), so only the mask narrows.
  @Override
  public void update(PoolInput pool, List<String> sent, List<String> mask) {
    PoolRecord current = pools.get(pool.name()).orElseThrow();
    boolean all = mask.isEmpty();
    pools.update(
        pool.name(),
        all || mask.contains("slots") ? pool.slots() : current.slots(),
        all || mask.contains("description") ? pool.description() : current.description(),
        all || mask.contains("include_deferred")
            ? pool.includeDeferred()
            : current.includeDeferred());
  }

  @Override
  public boolean delete(String name) {
    return pools.delete(name);
  }

  @Override
  public Optional<Map<String, Object>> refuseDelete(List<String> names) {
    return names.contains(PoolRepository.DEFAULT_POOL)
        ? Optional.of(Map.of("error", "Default Pool can't be deleted", "status_code", 400))
        : Optional.empty();
  }
}
