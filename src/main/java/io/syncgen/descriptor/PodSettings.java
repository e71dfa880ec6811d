package io.syncgen.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Settings of every pod syncgen renders (the app, its processes and the Jobs), as the Kubernetes
 * PodSpec fields of the same names.
 *
 * @param annotations annotations of the pod templates (not of the objects), or null
 * @param nodeSelector node labels a pod's node must have, or null
 * @param tolerations Kubernetes Tolerations, or null
 * @param affinity a Kubernetes Affinity, or null
 * @param topologySpreadConstraints Kubernetes TopologySpreadConstraints, or null
 * @param priorityClassName an existing PriorityClass, or null
 * @param fsGroup the group id that owns mounted volumes, or null
 * @param terminationGracePeriodSeconds seconds between SIGTERM and SIGKILL, or null
 */
public record PodSettings(
    @Field(
            doc =
                "Annotations of every pod template (not of the objects themselves), such as"
                    + " `prometheus.io/scrape`.",
            keyFormat = Format.QUALIFIED_NAME,
            kubernetes = "spec.template.metadata.annotations")
        Map<String, String> annotations,
    @Field(
            doc = "Node labels a pod's node must carry.",
            keyFormat = Format.QUALIFIED_NAME,
            format = Format.LABEL_VALUE,
            kubernetes = "spec.template.spec.nodeSelector")
        Map<String, String> nodeSelector,
    @Field(
            doc = "Taints the pods tolerate (Kubernetes Toleration).",
            kubernetesType = "V1Toleration",
            kubernetes = "spec.template.spec.tolerations")
        List<JsonNode> tolerations,
    @Field(
            doc = "Node and pod affinity (Kubernetes Affinity).",
            kubernetesType = "V1Affinity",
            kubernetes = "spec.template.spec.affinity")
        JsonNode affinity,
    @Field(
            doc = "How pods spread across zones or nodes (Kubernetes TopologySpreadConstraint).",
            kubernetesType = "V1TopologySpreadConstraint",
            kubernetes = "spec.template.spec.topologySpreadConstraints")
        List<JsonNode> topologySpreadConstraints,
    @Field(
            doc = "An existing PriorityClass.",
            format = Format.DNS_SUBDOMAIN,
            kubernetes = "spec.template.spec.priorityClassName")
        String priorityClassName,
    @Field(
            doc =
                "Group id that owns the pods' volumes (a PVC written by a non-root uid needs it).",
            format = Format.NON_NEGATIVE,
            kubernetes = "spec.template.spec.securityContext.fsGroup")
        Long fsGroup,
    @Field(
            doc = "Seconds between SIGTERM and SIGKILL when a pod stops.",
            format = Format.NON_NEGATIVE,
            kubernetes = "spec.template.spec.terminationGracePeriodSeconds")
        Long terminationGracePeriodSeconds) {}
