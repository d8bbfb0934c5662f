package dev.updraft.web.execution;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered as FastAPI does: {@code status} with body {@code {"detail": detail}}, where the
 * detail is a message or an object such as {@code {"reason": …, "message": …}}.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final transient Object detail;

  public ApiException(int status, Object detail) {
    super(String.valueOf(detail));
    this.status = status;
    this.detail = detail;
  }

  /** Airflow's structured detail: a {@code reason}, a {@code message} and extra fields. */
  public static ApiException reason(int status, String reason, String message, Object... extra) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", reason);
    detail.put("message", message);
    for (int i = 0; i + 1 < extra.length; i += 2) {
      detail.put((String) extra[i], extra[i + 1]);
    }
    return new ApiException(status, detail);
  }

  /** 404 with Airflow's {@code not_found} reason. */
  public static ApiException notFound(String message) {
    return reason(404, "not_found", message);
  }

  public int status() {
    return status;
  }

  public Object detail() {
    return detail;
  }
}
