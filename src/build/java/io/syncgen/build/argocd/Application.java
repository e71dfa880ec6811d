package io.syncgen.build.argocd;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * Argo CD's {@code Application} custom resource ({@code argoproj.io/v1alpha1}, kind {@code
 * Application}), as plain fields for the build-time JSON Schema generator.
 *
 * <p>The model mirrors Argo CD's Application CRD, read from the CRD schema of Argo CD 3.5: every
 * property under {@code spec} is declared here with its JSON name, its type and whether the CRD
 * requires it, and nothing else is. {@code status} and {@code operation} are deliberately
 * free-form: Argo CD writes them, nobody writes them in Git, so they are not checked.
 */
public class Application {
  @JsonProperty("apiVersion")
  public String apiVersion;

  @JsonProperty("kind")
  public String kind;

  @JsonProperty(value = "metadata", required = true)
  public V1ObjectMeta metadata;

  @JsonProperty(value = "spec", required = true)
  public ApplicationSpec spec;

  @JsonProperty("status")
  public Object status;

  @JsonProperty("operation")
  public Object operation;

  /** The Application's desired state: where its manifests come from and where they go. */
  public static class ApplicationSpec {
    @JsonProperty(value = "destination", required = true)
    public ApplicationDestination destination;

    @JsonProperty("ignoreDifferences")
    public List<ResourceIgnoreDifferences> ignoreDifferences;

    @JsonProperty("info")
    public List<Info> info;

    @JsonProperty(value = "project", required = true)
    public String project;

    @JsonProperty("revisionHistoryLimit")
    public Long revisionHistoryLimit;

    @JsonProperty("source")
    public ApplicationSource source;

    @JsonProperty("sourceHydrator")
    public SourceHydrator sourceHydrator;

    @JsonProperty("sources")
    public List<ApplicationSource> sources;

    @JsonProperty("syncPolicy")
    public SyncPolicy syncPolicy;
  }

  /** The cluster and namespace the Application deploys to. */
  public static class ApplicationDestination {
    @JsonProperty("name")
    public String name;

    @JsonProperty("namespace")
    public String namespace;

    @JsonProperty("server")
    public String server;
  }

  /** Fields of matching resources that Argo CD ignores when it compares live and desired state. */
  public static class ResourceIgnoreDifferences {
    @JsonProperty("group")
    public String group;

    @JsonProperty("jqPathExpressions")
    public List<String> jqPathExpressions;

    @JsonProperty("jsonPointers")
    public List<String> jsonPointers;

    @JsonProperty(value = "kind", required = true)
    public String kind;

    @JsonProperty("managedFieldsManagers")
    public List<String> managedFieldsManagers;

    @JsonProperty("name")
    public String name;

    @JsonProperty("namespace")
    public String namespace;
  }

  /** A name and value shown in the Application's details. */
  public static class Info {
    @JsonProperty(value = "name", required = true)
    public String name;

    @JsonProperty(value = "value", required = true)
    public String value;
  }

  /** A repository, chart or path the Application's manifests come from. */
  public static class ApplicationSource {
    @JsonProperty("chart")
    public String chart;

    @JsonProperty("directory")
    public ApplicationSourceDirectory directory;

    @JsonProperty("helm")
    public ApplicationSourceHelm helm;

    @JsonProperty("kustomize")
    public ApplicationSourceKustomize kustomize;

    @JsonProperty("name")
    public String name;

    @JsonProperty("path")
    public String path;

    @JsonProperty("plugin")
    public ApplicationSourcePlugin plugin;

    @JsonProperty("ref")
    public String ref;

    @JsonProperty(value = "repoURL", required = true)
    public String repoURL;

    @JsonProperty("tagPrefix")
    public String tagPrefix;

    @JsonProperty("targetRevision")
    public String targetRevision;
  }

  /** Options for a source that is a plain directory of manifests or Jsonnet. */
  public static class ApplicationSourceDirectory {
    @JsonProperty("exclude")
    public String exclude;

    @JsonProperty("include")
    public String include;

    @JsonProperty("jsonnet")
    public ApplicationSourceJsonnet jsonnet;

    @JsonProperty("recurse")
    public Boolean recurse;
  }

  /** Jsonnet options of a directory source. */
  public static class ApplicationSourceJsonnet {
    @JsonProperty("extVars")
    public List<JsonnetVar> extVars;

    @JsonProperty("libs")
    public List<String> libs;

    @JsonProperty("tlas")
    public List<JsonnetVar> tlas;
  }

  /** A Jsonnet external variable or top-level argument. */
  public static class JsonnetVar {
    @JsonProperty("code")
    public Boolean code;

    @JsonProperty(value = "name", required = true)
    public String name;

    @JsonProperty(value = "value", required = true)
    public String value;
  }

  /** Options for a Helm chart source. */
  public static class ApplicationSourceHelm {
    @JsonProperty("apiVersions")
    public List<String> apiVersions;

    @JsonProperty("fileParameters")
    public List<HelmFileParameter> fileParameters;

    @JsonProperty("ignoreMissingValueFiles")
    public Boolean ignoreMissingValueFiles;

    @JsonProperty("kubeVersion")
    public String kubeVersion;

    @JsonProperty("namespace")
    public String namespace;

    @JsonProperty("parameters")
    public List<HelmParameter> parameters;

    @JsonProperty("passCredentials")
    public Boolean passCredentials;

    @JsonProperty("releaseName")
    public String releaseName;

    @JsonProperty("skipCrds")
    public Boolean skipCrds;

    @JsonProperty("skipSchemaValidation")
    public Boolean skipSchemaValidation;

    @JsonProperty("skipTests")
    public Boolean skipTests;

    @JsonProperty("valueFiles")
    public List<String> valueFiles;

    @JsonProperty("values")
    public String values;

    @JsonProperty("valuesObject")
    public Object valuesObject;

    @JsonProperty("version")
    public String version;
  }

  /** A Helm value set from a file ({@code --set-file}). */
  public static class HelmFileParameter {
    @JsonProperty("name")
    public String name;

    @JsonProperty("path")
    public String path;
  }

  /** A Helm value set on the command line ({@code --set} or {@code --set-string}). */
  public static class HelmParameter {
    @JsonProperty("forceString")
    public Boolean forceString;

    @JsonProperty("name")
    public String name;

    @JsonProperty("value")
    public String value;
  }

  /** Options for a Kustomize source. */
  public static class ApplicationSourceKustomize {
    @JsonProperty("apiVersions")
    public List<String> apiVersions;

    @JsonProperty("commonAnnotations")
    public Map<String, String> commonAnnotations;

    @JsonProperty("commonAnnotationsEnvsubst")
    public Boolean commonAnnotationsEnvsubst;

    @JsonProperty("commonLabels")
    public Map<String, String> commonLabels;

    @JsonProperty("components")
    public List<String> components;

    @JsonProperty("forceCommonAnnotations")
    public Boolean forceCommonAnnotations;

    @JsonProperty("forceCommonLabels")
    public Boolean forceCommonLabels;

    @JsonProperty("ignoreMissingComponents")
    public Boolean ignoreMissingComponents;

    @JsonProperty("images")
    public List<String> images;

    @JsonProperty("kubeVersion")
    public String kubeVersion;

    @JsonProperty("labelIncludeTemplates")
    public Boolean labelIncludeTemplates;

    @JsonProperty("labelWithoutSelector")
    public Boolean labelWithoutSelector;

    @JsonProperty("namePrefix")
    public String namePrefix;

    @JsonProperty("nameSuffix")
    public String nameSuffix;

    @JsonProperty("namespace")
    public String namespace;

    @JsonProperty("patches")
    public List<KustomizePatch> patches;

    @JsonProperty("replicas")
    public List<KustomizeReplica> replicas;

    @JsonProperty("version")
    public String version;
  }

  /** A Kustomize patch, inline or from a file, and the resources it applies to. */
  public static class KustomizePatch {
    @JsonProperty("options")
    public Map<String, Boolean> options;

    @JsonProperty("patch")
    public String patch;

    @JsonProperty("path")
    public String path;

    @JsonProperty("target")
    public KustomizeSelector target;
  }

  /** The resources a Kustomize patch applies to. */
  public static class KustomizeSelector {
    @JsonProperty("annotationSelector")
    public String annotationSelector;

    @JsonProperty("group")
    public String group;

    @JsonProperty("kind")
    public String kind;

    @JsonProperty("labelSelector")
    public String labelSelector;

    @JsonProperty("name")
    public String name;

    @JsonProperty("namespace")
    public String namespace;

    @JsonProperty("version")
    public String version;
  }

  /** A replica count Kustomize sets on a named resource. */
  public static class KustomizeReplica {
    @JsonProperty(value = "count", required = true)
    public IntOrString count;

    @JsonProperty(value = "name", required = true)
    public String name;
  }

  /** Options for a source rendered by a config management plugin. */
  public static class ApplicationSourcePlugin {
    @JsonProperty("env")
    public List<EnvEntry> env;

    @JsonProperty("name")
    public String name;

    @JsonProperty("parameters")
    public List<ApplicationSourcePluginParameter> parameters;
  }

  /** An environment variable passed to a config management plugin. */
  public static class EnvEntry {
    @JsonProperty(value = "name", required = true)
    public String name;

    @JsonProperty(value = "value", required = true)
    public String value;
  }

  /** A parameter passed to a config management plugin: a string, an array or a map. */
  public static class ApplicationSourcePluginParameter {
    @JsonProperty("array")
    public List<String> array;

    @JsonProperty("map")
    public Map<String, String> map;

    @JsonProperty("name")
    public String name;

    @JsonProperty("string")
    public String string;
  }

  /** Where the source hydrator reads dry manifests and writes hydrated ones. */
  public static class SourceHydrator {
    @JsonProperty(value = "drySource", required = true)
    public DrySource drySource;

    @JsonProperty("hydrateTo")
    public HydrateTo hydrateTo;

    @JsonProperty(value = "syncSource", required = true)
    public SyncSource syncSource;
  }

  /** Where the dry ("don't repeat yourself") manifests the hydrator renders live. */
  public static class DrySource {
    @JsonProperty("directory")
    public ApplicationSourceDirectory directory;

    @JsonProperty("helm")
    public ApplicationSourceHelm helm;

    @JsonProperty("kustomize")
    public ApplicationSourceKustomize kustomize;

    @JsonProperty(value = "path", required = true)
    public String path;

    @JsonProperty("plugin")
    public ApplicationSourcePlugin plugin;

    @JsonProperty(value = "repoURL", required = true)
    public String repoURL;

    @JsonProperty(value = "targetRevision", required = true)
    public String targetRevision;
  }

  /** An optional staging branch for hydrated manifests, moved to the sync source by others. */
  public static class HydrateTo {
    @JsonProperty(value = "targetBranch", required = true)
    public String targetBranch;
  }

  /** The branch and path Argo CD syncs the hydrated manifests from. */
  public static class SyncSource {
    @JsonProperty(value = "path", required = true)
    public String path;

    @JsonProperty("repoURL")
    public String repoURL;

    @JsonProperty(value = "targetBranch", required = true)
    public String targetBranch;
  }

  /** When and how Argo CD syncs the Application. */
  public static class SyncPolicy {
    @JsonProperty("automated")
    public SyncPolicyAutomated automated;

    @JsonProperty("managedNamespaceMetadata")
    public ManagedNamespaceMetadata managedNamespaceMetadata;

    @JsonProperty("retry")
    public RetryStrategy retry;

    @JsonProperty("syncOptions")
    public List<String> syncOptions;
  }

  /** Automated sync: whether it is on, and whether it prunes, self-heals and allows empty syncs. */
  public static class SyncPolicyAutomated {
    @JsonProperty("allowEmpty")
    public Boolean allowEmpty;

    @JsonProperty("enabled")
    public Boolean enabled;

    @JsonProperty("prune")
    public Boolean prune;

    @JsonProperty("selfHeal")
    public Boolean selfHeal;
  }

  /** Labels and annotations Argo CD sets on the namespace it creates ({@code CreateNamespace}). */
  public static class ManagedNamespaceMetadata {
    @JsonProperty("annotations")
    public Map<String, String> annotations;

    @JsonProperty("labels")
    public Map<String, String> labels;
  }

  /** How often and how fast Argo CD retries a failed sync. */
  public static class RetryStrategy {
    @JsonProperty("backoff")
    public Backoff backoff;

    @JsonProperty("limit")
    public Long limit;

    @JsonProperty("refresh")
    public Boolean refresh;
  }

  /** The delay between sync retries and how it grows. */
  public static class Backoff {
    @JsonProperty("duration")
    public String duration;

    @JsonProperty("factor")
    public Long factor;

    @JsonProperty("maxDuration")
    public String maxDuration;
  }
}
