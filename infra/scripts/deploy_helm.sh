#!/usr/bin/env bash
# Deploy (install or upgrade) the backend to ACK with the Helm chart in infra/helm/financials,
# wait for the rollout, and roll back on failure (helm --atomic).
#
# Environment:
#   IMAGE           image reference to deploy, repository@sha256:... (required;
#                   build_and_push_backend.sh prints it)
#   NAMESPACE       Kubernetes namespace (default financials)
#   RELEASE         Helm release name (default financials)
#   NAMES_FILE      the cloud names Terraform made, e.g. infra/helm/names-staging.yaml
#                   (scripts/helm_names_from_terraform.py writes it); applied before VALUES_FILE
#   VALUES_FILE     extra values for this environment, e.g. infra/helm/values-staging.yaml
#   HELM_TIMEOUT    how long to wait for the rollout (default 10m)
#   DRY_RUN=1       print the commands instead of running them
# The kubeconfig comes from KUBECONFIG or ~/.kube/config. The Secret financials-secrets must
# exist in the namespace (infra/k8s/secret.template.yaml lists its keys).
#
# Usage: infra/scripts/deploy_helm.sh [--help]

set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && usage

require_env IMAGE
require_cmd helm kubectl
root=$(repo_root)
namespace=${NAMESPACE:-financials}
release=${RELEASE:-financials}

if [[ "$IMAGE" != *@sha256:* ]]; then
  echo "error: IMAGE must be pinned by digest (repository@sha256:...), got $IMAGE" >&2
  exit 2
fi
repository=${IMAGE%@*}
digest=${IMAGE#*@}

# The namespace with the labels RRSA's webhook and Pod Security Admission read.
if [[ "${DRY_RUN:-0}" == 1 ]]; then
  run kubectl create namespace "$namespace"
else
  kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"
fi
run kubectl label namespace "$namespace" --overwrite \
  app.kubernetes.io/part-of=financials \
  pod-identity.alibabacloud.com/injection=on \
  pod-security.kubernetes.io/enforce=restricted \
  pod-security.kubernetes.io/enforce-version=latest

if [[ "${DRY_RUN:-0}" != 1 ]] && ! kubectl -n "$namespace" get secret financials-secrets >/dev/null 2>&1; then
  echo "error: create Secret financials-secrets in $namespace first (infra/k8s/secret.template.yaml)" >&2
  exit 3
fi

values=()
[[ -n "${NAMES_FILE:-}" ]] && values+=(--values "$NAMES_FILE")
[[ -n "${VALUES_FILE:-}" ]] && values+=(--values "$VALUES_FILE")
run helm upgrade --install "$release" "$root/infra/helm/financials" \
  --namespace "$namespace" \
  "${values[@]}" \
  --set-string "image.repository=$repository" \
  --set-string "image.digest=$digest" \
  --atomic --wait --timeout "${HELM_TIMEOUT:-10m}"

run kubectl -n "$namespace" rollout status deployment/financials-backend --timeout=5m
echo "deployed $IMAGE to $namespace as release $release"
