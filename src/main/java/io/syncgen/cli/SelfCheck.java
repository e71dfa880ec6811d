package io.syncgen.cli;

import io.syncgen.Syncgen;
import io.syncgen.manifest.SchemaCatalog;
import io.syncgen.validate.Validator;
import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The validation {@code render} and {@code cmp generate} run on their own output before printing
 * it. Start-up matters (Argo CD runs the plugin on every refresh), so the schemas of the kinds a
 * render emits are compiled on a second thread, started by {@link #start()}, while the first thread
 * reads and renders the descriptor.
 */
final class SelfCheck {
  private final FutureTask<SchemaCatalog> schemas = new FutureTask<>(SelfCheck::renderSchemas);

  private SelfCheck() {}

  /** Starts compiling the schemas in the background. */
  static SelfCheck start() {
    SelfCheck check = new SelfCheck();
    Thread warm = new Thread(check.schemas, "syncgen-schemas");
    warm.setDaemon(true);
    warm.start();
    return check;
  }

  /**
   * Validates a rendered stream; prints its findings, one line each, to {@code err}.
   *
   * @param stream the rendered YAML stream
   * @param displayName how findings name it
   * @param err where findings go
   * @return true when there is no error (warnings are printed but pass)
   */
  boolean passes(String stream, String displayName, PrintWriter err) {
    Validator.Report report =
        Syncgen.validate(stream, displayName, join(), Validator.Options.defaults());
    report.findings().forEach(f -> err.println(f.format()));
    if (report.errors() > 0) {
      err.printf(
          "syncgen: the rendered manifests are invalid (%s); nothing was written. Check the"
              + " descriptor's spec.extraObjects and spec.patches; if it has none, this is a bug"
              + " in syncgen: please report it with the descriptor.%n",
          report.summary());
    }
    err.flush();
    return report.errors() == 0;
  }

  /** The catalog with the schemas of every kind render emits already compiled. */
  private static SchemaCatalog renderSchemas() {
    SchemaCatalog catalog = new SchemaCatalog();
    catalog.lookup("batch/v1", "Job");
    catalog.lookup("apps/v1", "Deployment");
    catalog.lookup("v1", "Service");
    return catalog;
  }

  private SchemaCatalog join() {
    try {
      return schemas.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading schemas", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot load the bundled schemas", e.getCause());
    }
  }
}
