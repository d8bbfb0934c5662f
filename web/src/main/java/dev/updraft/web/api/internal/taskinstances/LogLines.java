package dev.updraft.web.api.internal.taskinstances;

import dev.updraft.web.api.internal.ApiTimes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain log line as Airflow's {@code StructuredLogMessage}: the text is the {@code event}; a
 * leading ISO-8601 timestamp (optionally in brackets) becomes {@code timestamp} and a level word
 * after it {@code level}.
 */
final class LogLines {
  private static final Pattern STAMPED =
      Pattern.compile(
          "^\\[?(\\d{4}-\\d{2}-\\d{2}[T ][0-9:.,]+(?:Z|[+-]\\d{2}:?\\d{2})?)\\]?\\s+(.*)$");
  private static final Set<String> LEVELS =
      Set.of("DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL");

  private LogLines() {}

  static Map<String, Object> message(String line) {
    Map<String, Object> message = new LinkedHashMap<>();
    Matcher stamped = STAMPED.matcher(line);
    if (stamped.matches()) {
      Instant at = ApiTimes.parse(stamped.group(1).replace(' ', 'T').replace(',', '.'));
      if (at != null) {
        String rest = stamped.group(2);
        int space = rest.indexOf(' ');
        String first = space < 0 ? rest : rest.substring(0, space);
        String level = first.replace("[", "").replace("]", "").replace(":", "");
        message.put("timestamp", ApiTimes.format(at));
        if (LEVELS.contains(level)) {
          message.put("level", level.toLowerCase(java.util.Locale.ROOT));
          rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
          if (rest.startsWith("- ")) {
            rest = rest.substring(2);
          }
        }
        message.put("event", rest);
        return message;
      }
    }
    message.put("event", line);
    return message;
  }
}
