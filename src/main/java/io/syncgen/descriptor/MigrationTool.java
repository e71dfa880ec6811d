package io.syncgen.descriptor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Migration tool presets: the command that applies migrations and the command that exits non-zero
 * while any migration is unapplied. Adding a tool is one entry here.
 */
public enum MigrationTool {
  /** Django: {@code manage.py migrate}; {@code migrate --check} fails on unapplied migrations. */
  DJANGO(
      "django",
      List.of("python", "manage.py", "migrate", "--noinput"),
      List.of("python", "manage.py", "migrate", "--check")),
  /** Rails: {@code db:migrate}; {@code db:abort_if_pending_migrations} fails on pending ones. */
  RAILS(
      "rails",
      List.of("bin/rails", "db:migrate"),
      List.of("bin/rails", "db:abort_if_pending_migrations")),
  /** Any other tool: {@code migration.command} (and optionally {@code statusCommand}) is given. */
  COMMAND("command", List.of(), List.of());

  private final String id;
  private final List<String> migrate;
  private final List<String> status;

  MigrationTool(String id, List<String> migrate, List<String> status) {
    this.id = id;
    this.migrate = migrate;
    this.status = status;
  }

  /** The name used in the descriptor's {@code migration.tool}. */
  public String id() {
    return id;
  }

  /** The argv that applies migrations; empty for {@link #COMMAND}. */
  public List<String> migrateCommand() {
    return migrate;
  }

  /** The argv that fails while migrations are unapplied; empty when the preset has none. */
  public List<String> statusCommand() {
    return status;
  }

  /**
   * The preset with this name.
   *
   * @throws IllegalArgumentException if there is none (the parser rejects such names first)
   */
  public static MigrationTool of(String id) {
    return Arrays.stream(values())
        .filter(t -> t.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown migration tool: " + id));
  }

  /** The known names, comma-separated, for messages and the reference. */
  public static String names() {
    return Arrays.stream(values()).map(MigrationTool::id).collect(Collectors.joining(", "));
  }

  static Optional<String> problem(String id) {
    return Arrays.stream(values()).anyMatch(t -> t.id.equals(id))
        ? Optional.empty()
        : Optional.of("must be one of " + names());
  }
}
