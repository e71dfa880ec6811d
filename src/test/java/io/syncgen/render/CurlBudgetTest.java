package io.syncgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The curl limits derived from a Job's deadline, and the worst case they promise. */
class CurlBudgetTest {
  @Test
  void theDefaultDeadlinesGiveTheDocumentedLimits() {
    // The alert's 120 s and the check's 300 s: both capped at 60 s (README "How long the hook
    // Jobs run").
    for (int deadline : new int[] {120, 300}) {
      CurlBudget budget = CurlBudget.within(deadline);
      assertThat(budget.seconds()).isEqualTo(60);
      assertThat(String.join(" ", budget.options()))
          .isEqualTo(
              "--connect-timeout 5 --max-time 10 --retry 9 --retry-delay 5 --retry-max-time 45");
    }
  }

  @Test
  void aShortDeadlineGetsShortAttempts() {
    assertThat(String.join(" ", CurlBudget.within(12).options()))
        .isEqualTo("--connect-timeout 1 --max-time 1 --retry 4 --retry-delay 1 --retry-max-time 4");
  }

  @Test
  void underThreeSecondsOfBudgetThereIsOneAttempt() {
    assertThat(CurlBudget.within(5).options())
        .containsExactly("--connect-timeout", "2", "--max-time", "2");
    assertThat(CurlBudget.within(1).options())
        .containsExactly("--connect-timeout", "1", "--max-time", "1");
  }

  @Test
  void everyDeadlineGetsAtMostHalfOfItAndTheLimitsAddUpToTheWorstCase() {
    for (int deadline = 2; deadline <= 2000; deadline++) {
      CurlBudget b = CurlBudget.within(deadline);
      assertThat(b.seconds()).as("deadline %d", deadline).isLessThanOrEqualTo(deadline / 2);
      assertThat(b.seconds()).isLessThanOrEqualTo(CurlBudget.CAP_SECONDS);
      assertThat(b.connectTimeout()).isBetween(1, b.maxTime());
      // The last attempt starts before retryMaxTime + retryDelay (curl retries only while the
      // retry timer is below --retry-max-time) and lasts at most --max-time.
      int worst = b.retries() > 0 ? b.retryMaxTime() + b.retryDelay() + b.maxTime() : b.maxTime();
      assertThat(worst).as("deadline %d", deadline).isEqualTo(b.seconds());
      assertThat(b.retries() == 0 || b.retryMaxTime() >= 1).isTrue();
    }
  }
}
