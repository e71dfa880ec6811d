package io.syncgen.descriptor;

import java.util.Optional;

/**
 * The name a release's database sessions give PostgreSQL, {@code <app>@<version>}: syncgen sets it
 * as {@code PGAPPNAME} in every container of the release, and libpq (with the drivers built on it)
 * sends it as {@code application_name}, which {@code pg_stat_activity} shows for each session. A
 * contract gate ({@code migration.contract}) waits until no session of a retired release is left.
 *
 * @param app the app's name, {@code metadata.name}
 * @param version the release, as the {@code app.kubernetes.io/version} label says it
 */
public record ApplicationName(String app, String version) {
  /** The variable libpq reads the application name from ("Environment Variables" in its docs). */
  public static final String VARIABLE = "PGAPPNAME";

  /**
   * The characters of {@code application_name} PostgreSQL keeps (NAMEDATALEN - 1): it cuts a longer
   * one, so two names alike in their first 63 characters cannot be told apart.
   */
  public static final int MAX_LENGTH = 63;

  /** The name of the release a descriptor renders; empty when its image has no version label. */
  public static Optional<ApplicationName> of(AppDescriptor descriptor) {
    return RecommendedLabels.version(descriptor.spec().image())
        .map(v -> new ApplicationName(descriptor.metadata().name(), v));
  }

  /** Whether PostgreSQL keeps the name whole: both parts are ASCII, so characters are bytes. */
  public boolean fits() {
    return toString().length() <= MAX_LENGTH;
  }

  /** {@code <app>@<version>}, such as {@code shop@1.4.1}. */
  @Override
  public String toString() {
    return app + "@" + version;
  }
}
