package io.syncgen.cli;

import io.syncgen.manifest.SchemaCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Prints {@code syncgen <version>}, the version Maven wrote into the jar, and the Kubernetes
 * version the bundled schemas describe.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/io/syncgen/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    SchemaCatalog schemas = new SchemaCatalog();
    return new String[] {
      "syncgen " + properties.getProperty("version", "unknown"),
      "schemas: Kubernetes "
          + schemas.kubernetesVersion()
          + " (from "
          + schemas.source()
          + "), Argo CD Application argoproj.io/v1alpha1"
    };
  }
}
