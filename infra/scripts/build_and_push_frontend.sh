#!/usr/bin/env bash
# Export the static frontend (reflex export --frontend-only, through the Dockerfile's site
# target), upload it to the private site bucket on OSS, and refresh the CDN.
#
# Environment:
#   REFLEX_API_URL  public URL of the backend, baked into the pages (required),
#                   e.g. https://api.financials.example.com
#   SITE_BUCKET     OSS bucket of the site (terraform output site_bucket) (required)
#   SITE_DOMAIN     CDN domain to refresh, e.g. www.financials.example.com (required)
#   OSS_ENDPOINT    e.g. https://oss-cn-hangzhou.aliyuncs.com (default: ossutil's config)
#   OUT_DIR         where the export lands (default dist/site)
#   DRY_RUN=1       print the commands instead of running them
# Credentials: ossutil and the aliyun CLI read their usual config or ALIBABA_CLOUD_* vars.
#
# Usage: infra/scripts/build_and_push_frontend.sh [--help]

set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && usage

require_env REFLEX_API_URL SITE_BUCKET SITE_DOMAIN
require_cmd docker ossutil aliyun
[[ "$REFLEX_API_URL" == https://* ]] || { echo "error: REFLEX_API_URL must be https://..." >&2; exit 2; }
root=$(repo_root)
out=${OUT_DIR:-$root/dist/site}
endpoint=()
[[ -n "${OSS_ENDPOINT:-}" ]] && endpoint=(--endpoint "$OSS_ENDPOINT")

run docker buildx build \
  --file "$root/infra/docker/Dockerfile" \
  --target site \
  --build-arg "REFLEX_API_URL=$REFLEX_API_URL" \
  --output "type=local,dest=$out" \
  "$root"

# Hashed assets never change: cache them for a year. Pages must pick up a release at once.
# The precompressed .gz copies stay behind: CDN compresses on its own.
run ossutil cp -r -f -u "${endpoint[@]}" --exclude "*.gz" \
  --meta "Cache-Control:public, max-age=31536000, immutable" \
  "$out/assets/" "oss://$SITE_BUCKET/assets/"
for file in "$out"/*; do
  [[ -f "$file" && "$file" != *.gz ]] || continue
  run ossutil cp -f "${endpoint[@]}" --meta "Cache-Control:no-cache" \
    "$file" "oss://$SITE_BUCKET/$(basename "$file")"
done

run aliyun cdn RefreshObjectCaches --ObjectType Directory --ObjectPath "https://$SITE_DOMAIN/"
echo "published $out to oss://$SITE_BUCKET and refreshed https://$SITE_DOMAIN/"
