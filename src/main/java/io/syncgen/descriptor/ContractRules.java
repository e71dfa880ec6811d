package io.syncgen.descriptor;

import io.syncgen.diagnostic.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * Checks of {@code spec.migration.contract}: the retired versions are names PostgreSQL keeps whole
 * and not the release being deployed; the wait ends before the Job's deadline; and psql can read
 * the database URL the migration gets.
 */
final class ContractRules {
  private static final String AT = "spec.migration.contract";

  private final SourceMap source;
  private final List<Diagnostic> problems;

  private ContractRules(SourceMap source, List<Diagnostic> problems) {
    this.source = source;
    this.problems = problems;
  }

  static void check(AppDescriptor app, SourceMap source, List<Diagnostic> problems) {
    ContractGate gate = app.spec().migration().contract();
    if (gate == null) {
      return;
    }
    ContractRules rules = new ContractRules(source, problems);
    rules.retires(app, gate);
    rules.timeout(app.spec().migration(), gate);
    rules.url(app.spec());
  }

  private void retires(AppDescriptor app, ContractGate gate) {
    if (gate.retires().isEmpty()) {
      error(
          AT + ".retires",
          AT + ".retires needs at least one version: a release whose sessions must be gone");
    }
    Optional<String> deployed = RecommendedLabels.version(app.spec().image());
    List<ApplicationName> names = gate.retiredNames(app.metadata().name());
    for (int i = 0; i < names.size(); i++) {
      String path = AT + ".retires[" + i + "]";
      ApplicationName name = names.get(i);
      if (name.version().isEmpty()) {
        error(path, path + " must not be empty: it is a release's version, such as 1.4.1");
      } else if (deployed.isPresent() && deployed.get().equals(name.version())) {
        error(
            path,
            path
                + " "
                + name.version()
                + " is the release spec.image deploys; the gate would wait for that release's own"
                + " pods: retire only earlier releases");
      } else if (!name.fits()) {
        error(
            path,
            path
                + " names sessions "
                + name
                + " ("
                + name.toString().length()
                + " characters), but PostgreSQL keeps the first "
                + ApplicationName.MAX_LENGTH
                + " of an application_name, so the gate cannot tell them from another release's");
      }
    }
  }

  private void timeout(Migration migration, ContractGate gate) {
    int deadline = migration.activeDeadlineSeconds();
    if (gate.timeoutSeconds() >= deadline) {
      String path = AT + ".timeoutSeconds";
      error(
          path,
          path
              + " must be less than spec.migration.activeDeadlineSeconds ("
              + deadline
              + "), or the Job's deadline ends the wait first (got "
              + gate.timeoutSeconds()
              + (source.isPresent(path) ? "" : ", the default")
              + "); raise activeDeadlineSeconds to cover the wait and the migration");
    }
  }

  /** The gate runs psql with the URL the migration gets, so it must be a URL libpq reads. */
  private void url(AppSpec spec) {
    Preset preset = spec.migration().preset().preset();
    if (spec.database().urlFrom() == null) {
      error(
          AT,
          AT
              + " reads the database URL from spec.database.urlFrom, which is not set; set it to"
              + " the Secret key holding a URL psql reads, such as"
              + " postgres://USER:PASSWORD@HOST:PORT/DATABASE");
    } else if (spec.migration().preset() != MigrationTool.COMMAND && !preset.connection().libpq()) {
      error(
          AT,
          AT
              + " runs psql with the URL in "
              + spec.databaseUrlEnv()
              + ", which the "
              + preset.id()
              + " preset takes as "
              + preset.connection().url()
              + ", a form psql cannot read; remove contract, or migrate with a tool that reads a"
              + " postgres:// URL");
    }
  }

  private void error(String path, String message) {
    problems.add(Diagnostic.error(source.value(path), message));
  }
}
