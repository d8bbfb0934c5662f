package dev.updraft.web.api.internal;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Airflow's list parameters: {@code limit} (default 50, capped at {@code [api] maximum_page_limit},
 * 100), {@code offset} (default 0) and {@code order_by} (attributes, {@code -} for descending;
 * others are refused with Airflow's 400).
 *
 * @param orderBy the columns to sort by, in order
 */
public record Paging(int limit, int offset, List<Sort> orderBy) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAXIMUM_LIMIT = 100;

  public Paging {
    orderBy = List.copyOf(orderBy);
  }

  /** One sort key: a database column and its direction. */
  public record Sort(String column, boolean descending) {}

  /**
   * Reads the parameters of {@code ctx}.
   *
   * @param allowed the attribute names clients may order by, mapped to their columns
   * @param defaultOrder what {@code order_by} is when absent (e.g. {@code "id"})
   */
  public static Paging from(
      Context ctx, Map<String, String> allowed, String defaultOrder, ValidationErrors errors) {
    Integer limit = QueryParams.integer(ctx, "limit", DEFAULT_LIMIT, 0, errors);
    Integer offset = QueryParams.integer(ctx, "offset", 0, 0, errors);
    errors.throwIfAny();
    List<String> requested = ctx.queryParams("order_by");
    List<Sort> sorts = new ArrayList<>();
    for (String raw : requested.isEmpty() ? List.of(defaultOrder) : requested) {
      sorts.add(sort(raw, allowed));
    }
    return new Paging(Math.min(limit, MAXIMUM_LIMIT), offset, sorts);
  }

  /**
   * One {@code order_by} value ({@code name} or {@code -name}) as a sort on its column in {@code
   * allowed}, or Airflow's 400 for a name it does not allow.
   */
  public static Sort sort(String raw, Map<String, String> allowed) {
    boolean descending = raw.startsWith("-");
    String name = descending ? raw.substring(1) : raw;
    String column = allowed.get(name.strip());
    if (column == null) {
      throw new ApiException(
          400,
          "Ordering with '"
              + name
              + "' is disallowed or the attribute does not exist on the model");
    }
    return new Sort(column, descending);
  }
}
