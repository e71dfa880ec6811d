package io.syncgen.lint;

/**
 * The part of a migration file that applies it. goose ({@code -- +goose Up} ... {@code -- +goose
 * Down}) and dbmate ({@code -- migrate:up} ... {@code -- migrate:down}) keep both directions in one
 * file; the down section never runs on a deploy, so it is blanked out, lines kept, so that
 * positions stay those of the file.
 */
final class MigrationSections {
  private MigrationSections() {}

  /** The text with every line outside the up section blanked, or the text itself. */
  static String upOnly(String sql) {
    String up;
    String down;
    String lower = sql.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("-- +goose up")) {
      up = "-- +goose up";
      down = "-- +goose down";
    } else if (lower.contains("-- migrate:up")) {
      up = "-- migrate:up";
      down = "-- migrate:down";
    } else {
      return sql;
    }
    StringBuilder out = new StringBuilder();
    boolean inUp = false;
    for (String line : sql.split("(?<=\n)", -1)) {
      String marker = line.strip().toLowerCase(java.util.Locale.ROOT);
      if (marker.startsWith(up)) {
        inUp = true;
      } else if (marker.startsWith(down)) {
        inUp = false;
      }
      out.append(inUp ? line : line.endsWith("\n") ? line.endsWith("\r\n") ? "\r\n" : "\n" : "");
    }
    return out.toString();
  }
}
