package io.syncgen.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The time a hook script's curl may take in all, retries included, and the curl options that hold
 * it to that whatever the server does.
 *
 * <p>How curl's tool retries (src/tool_operate.c, {@code post_per_transfer}, 7.88 and 8.11 read
 * alike): each attempt ends after {@code --max-time}; after a failed attempt curl retries only
 * while less than {@code --retry-max-time} has passed since the first one began; it waits {@code
 * --retry-delay}, or a server's {@code Retry-After} (8.11: the longer of the two), and it gives up
 * at once when that {@code Retry-After} would end past {@code --retry-max-time}. So the last
 * attempt starts before {@code retryMaxTime + retryDelay} and ends before {@code seconds}.
 *
 * @param seconds the most the curl call takes, in seconds: {@code retryMaxTime + retryDelay +
 *     maxTime}, or {@code maxTime} without retries
 * @param connectTimeout {@code --connect-timeout}, in seconds
 * @param maxTime {@code --max-time} of one attempt, in seconds
 * @param retries {@code --retry}; 0 for a single attempt
 * @param retryDelay {@code --retry-delay}, in seconds (0 without retries)
 * @param retryMaxTime {@code --retry-max-time}, in seconds (0 without retries)
 */
record CurlBudget(
    int seconds, int connectTimeout, int maxTime, int retries, int retryDelay, int retryMaxTime) {
  /** The most a step takes, however long its Job's deadline. */
  static final int CAP_SECONDS = 60;

  /**
   * The budget of a curl step in a Job with this deadline: half of it, at most {@link
   * #CAP_SECONDS}, at least 1 s. The other half is left to scheduling, pulling the image and the
   * Job's other steps. Attempts of a quarter of the budget (1 to 10 s), a tenth between them (1 to
   * 5 s); under 3 s of budget, a single attempt.
   *
   * @param deadlineSeconds the Job's {@code activeDeadlineSeconds}, positive
   */
  static CurlBudget within(int deadlineSeconds) {
    int budget = Math.max(1, Math.min(CAP_SECONDS, deadlineSeconds / 2));
    int maxTime = Math.min(10, Math.max(1, budget / 4));
    int delay = Math.min(5, Math.max(1, budget / 10));
    int retryMaxTime = budget - maxTime - delay;
    if (retryMaxTime < 1) {
      return new CurlBudget(budget, Math.min(5, budget), budget, 0, 0, 0);
    }
    int retries = (retryMaxTime + delay - 1) / delay;
    return new CurlBudget(budget, Math.min(5, maxTime), maxTime, retries, delay, retryMaxTime);
  }

  /**
   * The options, in the order curl documents them: {@code --connect-timeout 5 --max-time 10 ...}.
   */
  List<String> options() {
    List<String> options = new ArrayList<>();
    options.addAll(List.of("--connect-timeout", String.valueOf(connectTimeout)));
    options.addAll(List.of("--max-time", String.valueOf(maxTime)));
    if (retries > 0) {
      options.addAll(List.of("--retry", String.valueOf(retries)));
      options.addAll(List.of("--retry-delay", String.valueOf(retryDelay)));
      options.addAll(List.of("--retry-max-time", String.valueOf(retryMaxTime)));
    }
    return options;
  }
}
