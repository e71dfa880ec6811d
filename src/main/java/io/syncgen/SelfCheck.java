package io.syncgen;

import io.syncgen.manifest.SchemaCatalog;
import io.syncgen.validate.Validator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The validation {@code render} and {@code cmp generate} run on their own output before printing
 * it. Start-up matters (Argo CD runs the plugin on every refresh), so the schemas of the kinds a
 * render emits are compiled on a second thread, started by {@link #start()}, while the first thread
 * reads and renders the descriptor.
 */
public final class SelfCheck {
  private final FutureTask<SchemaCatalog> schemas = new FutureTask<>(SelfCheck::renderSchemas);

  private SelfCheck() {}

  /** Starts compiling the schemas in the background. */
  public static SelfCheck start() {
    SelfCheck check = new SelfCheck();
    Thread warm = new Thread(check.schemas, "syncgen-schemas");
    warm.setDaemon(true);
    warm.start();
    return check;
  }

  /**
   * Validates a rendered stream with every rule and the restricted profile, waiting for the schemas
   * if they are still compiling.
   *
   * @param stream the rendered YAML stream
   * @param displayName how findings name it, such as {@code app.yaml (rendered)}
   * @return the findings; the stream may be printed when {@link Validator.Report#errors()} is 0
   * @throws IllegalStateException when the bundled schemas cannot be read (a broken build)
   */
  public Validator.Report validate(String stream, String displayName) {
    return Syncgen.validate(stream, displayName, join(), Validator.Options.defaults());
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
