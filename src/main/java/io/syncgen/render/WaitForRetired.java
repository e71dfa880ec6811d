package io.syncgen.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncgen.descriptor.AppDescriptor;
import io.syncgen.descriptor.AppSpec;
import io.syncgen.descriptor.ApplicationName;
import io.syncgen.descriptor.ContractGate;
import java.util.stream.Collectors;

/**
 * The contract gate's init container ({@code migration.contract}), from {@code
 * templates/container-wait-for-retired.yaml}: psql waits until no session named after a retired
 * release is connected. It gets the migration's database URL variable from the same Secret key, and
 * reads it through {@code SYNCGEN_DATABASE_URL = $(<that variable>)}, which Kubernetes expands.
 */
final class WaitForRetired {
  /** The variable the script reads the URL from. */
  static final String URL_VARIABLE = "SYNCGEN_DATABASE_URL";

  private WaitForRetired() {}

  /** The container; the descriptor's rules saw to {@code database.urlFrom} being set. */
  static ObjectNode render(AppDescriptor app) {
    AppSpec spec = app.spec();
    ContractGate gate = spec.migration().contract();
    ObjectNode container = Template.load("container-wait-for-retired");
    ArrayNode env = Template.array(container, "/env");
    String names =
        gate.retiredNames(app.metadata().name()).stream()
            .map(ApplicationName::toString)
            .collect(Collectors.joining("\n"));
    Template.object(env, "/1").put("value", names);
    Template.object(env, "/2").put("value", String.valueOf(gate.timeoutSeconds()));
    String urlEnv = spec.databaseUrlEnv();
    Template.object(env, "/0").put("value", "$(" + urlEnv + ")");
    if (urlEnv.equals(URL_VARIABLE)) {
      env.remove(0); // the Secret's variable has the script's name already
    }
    env.insert(0, Containers.secretEnv(urlEnv, spec.database().urlFrom().secretKeyRef()));
    return container;
  }
}
