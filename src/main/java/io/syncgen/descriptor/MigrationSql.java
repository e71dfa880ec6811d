package io.syncgen.descriptor;

import java.util.List;

/**
 * Where a migration's SQL is, for {@code syncgen migrations lint app.yaml}: the PreSync migration's
 * is checked as expand (it runs before the new code), the post-deployment one's as contract (it
 * runs once no old code does).
 *
 * @param paths SQL files or directories, relative to the descriptor's folder
 * @param format how the tool lays out its files, or null to tell them apart by name and markers
 */
public record MigrationSql(
    @Field(
            doc =
                "SQL files or directories (Flyway `V*__*.sql`, golang-migrate `*.up.sql`, goose,"
                    + " dbmate, Sqitch `deploy/`, Django `sqlmigrate` output), relative to the"
                    + " descriptor's folder; the file kinds are told apart by their names and"
                    + " markers.")
        List<String> paths,
    @Field(
            doc =
                "Which files of a directory the tool applies: `flyway` (`V*__*.sql` and"
                    + " repeatable `R__*.sql`, not undo `U*`), `golang-migrate` (`*.up.sql`),"
                    + " `sqitch` (`deploy/`), `goose` or `dbmate` (every `*.sql`, up section"
                    + " only), `sql` (every `*.sql`). Absent: every `*.sql` but `*.down.sql` and a"
                    + " Sqitch project's `revert/` and `verify/`.",
            format = Format.SQL_FORMAT)
        String format) {

  /** The values of {@code format}. */
  static final List<String> FORMATS =
      List.of("flyway", "golang-migrate", "sqitch", "goose", "dbmate", "sql");

  /**
   * Whether the tool applies a file found in a directory, by its {@code format}.
   *
   * @param name the file's name
   * @param folder the name of the folder it is in
   * @return true for the files the format reads; null when the format is absent (the caller's
   *     default applies)
   */
  public Boolean applies(String name, String folder) {
    if (format == null) {
      return null;
    }
    return switch (format) {
      case "flyway" -> name.matches("(V[^_]*|R)__.*\\.sql");
      case "golang-migrate" -> name.endsWith(".up.sql");
      case "sqitch" -> folder.equals("deploy") && name.endsWith(".sql");
      default -> name.endsWith(".sql");
    };
  }
}
