#!/usr/bin/env bash
# Build the backend image (infra/docker/Dockerfile, target runtime) and push it to Alibaba
# Cloud Container Registry; prints the pushed reference, repository@sha256:...
#
# Environment:
#   ACR_REGISTRY    registry host, e.g. registry.cn-hangzhou.aliyuncs.com (required)
#   ACR_NAMESPACE   registry namespace, e.g. financials (required)
#   IMAGE_NAME      repository name (default financials-backend)
#   IMAGE_TAG       tag (default: the commit's short hash)
#   REVISION        commit recorded in the image label (default: git rev-parse HEAD)
#   ACR_USERNAME / ACR_PASSWORD   log in first when both are set
#   PLATFORM        target platform (default linux/amd64)
#   DIGEST_FILE     also write the reference there (for deploy_helm.sh)
#   DRY_RUN=1       print the commands instead of running them
#
# Usage: infra/scripts/build_and_push_backend.sh [--help]

set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && usage

require_env ACR_REGISTRY ACR_NAMESPACE
require_cmd docker
root=$(repo_root)
name=${IMAGE_NAME:-financials-backend}
revision=${REVISION:-$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)}
tag=${IMAGE_TAG:-${revision:0:7}}
platform=${PLATFORM:-linux/amd64}
repository="$ACR_REGISTRY/$ACR_NAMESPACE/$name"
metadata=$(mktemp)
trap 'rm -f "$metadata"' EXIT

if [[ -n "${ACR_USERNAME:-}" && -n "${ACR_PASSWORD:-}" ]]; then
  if [[ "${DRY_RUN:-0}" == 1 ]]; then
    run docker login --username "$ACR_USERNAME" --password-stdin "$ACR_REGISTRY"
  else
    printf '%s' "$ACR_PASSWORD" | docker login --username "$ACR_USERNAME" --password-stdin "$ACR_REGISTRY"
  fi
fi

run docker buildx build \
  --file "$root/infra/docker/Dockerfile" \
  --target runtime \
  --platform "$platform" \
  --tag "$repository:$tag" \
  --label "org.opencontainers.image.revision=$revision" \
  --metadata-file "$metadata" \
  --push \
  "$root"

if [[ "${DRY_RUN:-0}" == 1 ]]; then
  digest="sha256:dry-run"
else
  digest=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["containerimage.digest"])' "$metadata")
fi
reference="$repository@$digest"
[[ -n "${DIGEST_FILE:-}" ]] && printf '%s\n' "$reference" >"$DIGEST_FILE"
echo "$reference"
