package io.syncgen.descriptor;

/**
 * The app descriptor, {@code apiVersion: syncgen/v1}, {@code kind: App}: one short file from which
 * syncgen renders the migration hook, the Deployment, the Service and the check and alert hooks.
 *
 * @param apiVersion always {@code syncgen/v1}
 * @param kind always {@code App}
 * @param metadata the app's name, namespace, and labels and annotations for every object
 * @param spec what to run and how to migrate
 */
public record AppDescriptor(
    @Field(doc = "The descriptor's version; must be `syncgen/v1`.", required = true)
        String apiVersion,
    @Field(doc = "The descriptor's kind; must be `App`.", required = true) String kind,
    @Field(doc = "Names the app and the objects rendered from it.", required = true)
        Metadata metadata,
    @Field(doc = "The app, its database and its migration.", required = true) AppSpec spec) {

  /** The only accepted {@code apiVersion}. */
  public static final String API_VERSION = "syncgen/v1";

  /** The only accepted {@code kind}. */
  public static final String KIND = "App";

  /** A copy with other metadata and spec (plugin overrides). */
  public AppDescriptor with(Metadata newMetadata, AppSpec newSpec) {
    return new AppDescriptor(apiVersion, kind, newMetadata, newSpec);
  }
}
