// Used once to make kubernetes-strict.json (see README.md beside this file); not part of the build.
// Bundles the JSON schemas kubernetes-models registers for the kinds the manifests use into one document
// (definitions keyed by the OpenAPI id), references rewritten to local pointers, and made strict: an object schema
// with properties admits no other property, as kubectl's strict field validation does.
const { store } = require('@kubernetes-models/validate');
const roots = {
  'io.k8s.api.apps.v1.Deployment': 'kubernetes-models/_schemas/IoK8sApiAppsV1Deployment.js',
  'io.k8s.api.core.v1.Service': 'kubernetes-models/_schemas/IoK8sApiCoreV1Service.js',
  'io.k8s.api.core.v1.ServiceAccount': 'kubernetes-models/_schemas/IoK8sApiCoreV1ServiceAccount.js',
  'io.k8s.api.core.v1.ConfigMap': 'kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap.js',
  'io.k8s.api.core.v1.Secret': 'kubernetes-models/_schemas/IoK8sApiCoreV1Secret.js',
  'io.k8s.api.core.v1.Namespace': 'kubernetes-models/_schemas/IoK8sApiCoreV1Namespace.js',
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler': 'kubernetes-models/_schemas/IoK8sApiAutoscalingV2HorizontalPodAutoscaler.js',
  'io.k8s.api.policy.v1.PodDisruptionBudget': 'kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget.js',
  'io.k8s.api.networking.v1.NetworkPolicy': 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy.js',
  'io.k8s.api.networking.v1.Ingress': 'kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress.js',
};
for (const file of Object.values(roots)) require(file).addSchema();
function rewrite(node) {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out[k] = '#/definitions/' + v.replace(/#$/, '');
      else if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, rewrite(s)]));
      else out[k] = rewrite(v);
    }
    if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
    return out;
  }
  return node;
}
const ids = Object.keys(store).sort();
const definitions = {};
for (const id of ids) definitions[id] = rewrite(store[id]);
const bundle = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $comment: 'Generated from kubernetes-models 4.1.0 and @kubernetes-models/apimachinery 1.2.2 (MIT), see README.md',
  definitions,
};
process.stdout.write(JSON.stringify(bundle, null, 1) + '\n');
process.stderr.write(ids.length + ' definitions\n');
