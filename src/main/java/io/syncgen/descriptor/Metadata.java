package io.syncgen.descriptor;

import java.util.Map;

/**
 * The app's identity.
 *
 * @param name the app name; the Deployment and Service are named after it, the Jobs get suffixes
 * @param namespace the namespace of every object, or null to leave it to kubectl or Argo CD
 * @param labels extra labels for every object and pod, or null
 * @param annotations extra annotations for every object, or null
 */
public record Metadata(
    @Field(
            doc =
                "The app name. The Deployment and Service take it as is; the Jobs add"
                    + " `-db-migrate`, `-db-post-migrate`, `-post-deploy-check` and `-sync-fail-alert`, and every"
                    + " name must stay within 63 characters.",
            required = true,
            format = Format.DNS_1035_LABEL,
            kubernetes = "metadata.name")
        String name,
    @Field(
            doc =
                "The namespace of every object. When absent the objects carry none, and the"
                    + " Argo CD Application's destination namespace applies.",
            format = Format.DNS_LABEL,
            kubernetes = "metadata.namespace")
        String namespace,
    @Field(
            doc = "Labels added to every object and pod template.",
            keyFormat = Format.QUALIFIED_NAME,
            format = Format.LABEL_VALUE,
            kubernetes = "metadata.labels")
        Map<String, String> labels,
    @Field(
            doc = "Annotations added to every object. `argocd.argoproj.io/*` keys are refused.",
            keyFormat = Format.QUALIFIED_NAME,
            kubernetes = "metadata.annotations")
        Map<String, String> annotations) {

  /** A copy in another namespace (the Argo CD Application's, when the descriptor names none). */
  public Metadata withNamespace(String newNamespace) {
    return new Metadata(name, newNamespace, labels, annotations);
  }
}
