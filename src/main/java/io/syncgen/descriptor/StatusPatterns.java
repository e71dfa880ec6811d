package io.syncgen.descriptor;

import java.util.List;

/**
 * The descriptor's patterns for reading a status command's output ({@code migration.statusOutput}):
 * POSIX shell patterns, as in a {@code case} item, each matched against every whole line the
 * command printed (stdout and stderr together).
 *
 * @param upToDate a line matching it shows every migration is applied, or null
 * @param pending a line matching it shows a migration is unapplied, or null
 */
public record StatusPatterns(
    @Field(
            doc =
                "A line matching this pattern shows that every migration is applied, such as"
                    + " `*is up to date*`. With it, an exit code of 0 alone is not enough.")
        String upToDate,
    @Field(
            doc =
                "A line matching this pattern shows a migration is unapplied, such as `down *`;"
                    + " checked before `upToDate`.")
        String pending) {

  /** The patterns as the status step reads them; exit codes other than 0 mean either. */
  StatusOutput toStatusOutput() {
    return StatusOutput.UNKNOWN
        .withUpToDate(upToDate == null ? List.of() : List.of(upToDate))
        .withPending(pending == null ? List.of() : List.of(pending));
  }
}
