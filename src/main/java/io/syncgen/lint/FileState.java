package io.syncgen.lint;

import java.util.HashSet;
import java.util.Set;

/**
 * What a migration file has done before the statement being read: the tables it created (no other
 * session uses them yet, so locks and rewrites on them do not matter) and whether an explicit
 * transaction block is open.
 */
final class FileState {
  final Set<String> newTables = new HashSet<>();
  boolean inTransaction;
  boolean nested;
  boolean lockTimeoutSet;
  boolean lockTimeoutReported;

  /** Whether {@code table} is one this file created. */
  boolean isNew(String table) {
    return newTables.contains(table);
  }
}
