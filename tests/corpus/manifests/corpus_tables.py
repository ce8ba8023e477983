"""Facts the OpenAPI v2 document does not carry as data: closed value sets
(stated there only in prose) and ranges that only the API server enforces.
Keys are (definition without the io.k8s.api. prefix, property).
"""

# Closed value sets the API server enforces; the OpenAPI v2 document states
# them only in prose, so they are listed here: (definition, property) -> values.
ENUMS = {
    ("core.v1.Container", "imagePullPolicy"): {"Always", "IfNotPresent", "Never"},
    ("core.v1.Container", "terminationMessagePolicy"): {"File", "FallbackToLogsOnError"},
    ("core.v1.PodSpec", "restartPolicy"): {"Always", "OnFailure", "Never"},
    ("core.v1.PodSpec", "dnsPolicy"): {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"},
    ("core.v1.PodSpec", "preemptionPolicy"): {"PreemptLowerPriority", "Never"},
    ("core.v1.ContainerPort", "protocol"): {"TCP", "UDP", "SCTP"},
    ("core.v1.ServicePort", "protocol"): {"TCP", "UDP", "SCTP"},
    ("networking.v1.NetworkPolicyPort", "protocol"): {"TCP", "UDP", "SCTP"},
    ("core.v1.ServiceSpec", "type"): {"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"},
    ("core.v1.ServiceSpec", "externalTrafficPolicy"): {"Cluster", "Local"},
    ("core.v1.ServiceSpec", "internalTrafficPolicy"): {"Cluster", "Local"},
    ("core.v1.ServiceSpec", "sessionAffinity"): {"ClientIP", "None"},
    ("core.v1.ServiceSpec", "ipFamilyPolicy"): {"SingleStack", "PreferDualStack", "RequireDualStack"},
    ("core.v1.ServiceSpec", "ipFamilies"): {"IPv4", "IPv6"},
    ("core.v1.Toleration", "operator"): {"Exists", "Equal"},
    ("core.v1.Toleration", "effect"): {"NoSchedule", "PreferNoSchedule", "NoExecute"},
    ("core.v1.TopologySpreadConstraint", "whenUnsatisfiable"): {"DoNotSchedule", "ScheduleAnyway"},
    ("core.v1.TopologySpreadConstraint", "nodeAffinityPolicy"): {"Honor", "Ignore"},
    ("core.v1.TopologySpreadConstraint", "nodeTaintsPolicy"): {"Honor", "Ignore"},
    ("core.v1.NodeSelectorRequirement", "operator"): {"In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"},
    ("core.v1.SeccompProfile", "type"): {"RuntimeDefault", "Localhost", "Unconfined"},
    ("core.v1.PodSecurityContext", "fsGroupChangePolicy"): {"OnRootMismatch", "Always"},
    ("core.v1.HTTPGetAction", "scheme"): {"HTTP", "HTTPS"},
    ("core.v1.PersistentVolumeClaimSpec", "accessModes"): {"ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"},
    ("core.v1.PersistentVolumeClaimSpec", "volumeMode"): {"Filesystem", "Block"},
    ("core.v1.HostPathVolumeSource", "type"): {"", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"},
    ("core.v1.LimitRangeItem", "type"): {"Pod", "Container", "PersistentVolumeClaim"},
    ("core.v1.ScopedResourceSelectorRequirement", "operator"): {"In", "NotIn", "Exists", "DoesNotExist"},
    ("core.v1.ScopedResourceSelectorRequirement", "scopeName"): {"Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity", "VolumeAttributesClass"},
    ("apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement", "operator"): {"In", "NotIn", "Exists", "DoesNotExist"},
    ("apps.v1.DeploymentStrategy", "type"): {"Recreate", "RollingUpdate"},
    ("apps.v1.StatefulSetSpec", "podManagementPolicy"): {"OrderedReady", "Parallel"},
    ("apps.v1.StatefulSetUpdateStrategy", "type"): {"RollingUpdate", "OnDelete"},
    ("apps.v1.DaemonSetUpdateStrategy", "type"): {"RollingUpdate", "OnDelete"},
    ("apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy", "whenDeleted"): {"Retain", "Delete"},
    ("apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy", "whenScaled"): {"Retain", "Delete"},
    ("batch.v1.CronJobSpec", "concurrencyPolicy"): {"Allow", "Forbid", "Replace"},
    ("batch.v1.JobSpec", "completionMode"): {"NonIndexed", "Indexed"},
    ("batch.v1.JobSpec", "podReplacementPolicy"): {"TerminatingOrFailed", "Failed"},
    ("batch.v1.PodFailurePolicyRule", "action"): {"FailJob", "FailIndex", "Ignore", "Count"},
    ("batch.v1.PodFailurePolicyOnExitCodesRequirement", "operator"): {"In", "NotIn"},
    ("networking.v1.HTTPIngressPath", "pathType"): {"Exact", "Prefix", "ImplementationSpecific"},
    ("networking.v1.NetworkPolicySpec", "policyTypes"): {"Ingress", "Egress"},
    ("autoscaling.v2.MetricSpec", "type"): {"Object", "Pods", "Resource", "ContainerResource", "External"},
    ("autoscaling.v2.MetricTarget", "type"): {"Utilization", "Value", "AverageValue"},
    ("autoscaling.v2.HPAScalingPolicy", "type"): {"Pods", "Percent"},
    ("autoscaling.v2.HPAScalingRules", "selectPolicy"): {"Max", "Min", "Disabled"},
    ("policy.v1.PodDisruptionBudgetSpec", "unhealthyPodEvictionPolicy"): {"IfHealthyBudget", "AlwaysAllow"},
    ("storage.v1.StorageClass", "reclaimPolicy"): {"Delete", "Retain"},
    ("storage.v1.StorageClass", "volumeBindingMode"): {"Immediate", "WaitForFirstConsumer"},
    ("scheduling.v1.PriorityClass", "preemptionPolicy"): {"PreemptLowerPriority", "Never"},
}

# Numeric ranges only the API server's validation enforces (not the schema).
SERVER_RANGES = {
    ("core.v1.ContainerPort", "containerPort"): (1, 65535),
    ("core.v1.ContainerPort", "hostPort"): (0, 65535),
    ("core.v1.ServicePort", "port"): (1, 65535),
    ("core.v1.ServicePort", "nodePort"): (30000, 32767),
    ("core.v1.ServicePort", "targetPort"): (1, 65535),
}
