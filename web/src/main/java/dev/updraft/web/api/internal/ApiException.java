package dev.updraft.web.api.internal;

import java.util.List;
import java.util.Map;

/**
 * Ends a {@code /api/v2} request with FastAPI's {@code {"detail": …}} body: a message for
 * 400/401/403/404/409, the validation-error list for 422.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final transient Object detail;

  public ApiException(int status, Object detail) {
    super(String.valueOf(detail), null, false, false);
    this.status = status;
    this.detail = detail;
  }

  /** A 422 with FastAPI's list of validation errors. */
  public static ApiException invalid(List<Map<String, Object>> errors) {
    return new ApiException(422, List.copyOf(errors));
  }

  public int status() {
    return status;
  }

  public Object detail() {
    return detail;
  }
}
