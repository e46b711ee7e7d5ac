#!/usr/bin/env bash
# Export the static frontend (reflex export --frontend-only, through the Dockerfile's site
# target), upload it to the private site bucket on OSS, and refresh the CDN.
#
# Environment:
#   REFLEX_API_URL  public URL of the backend, baked into the pages (required),
#                   e.g. https://api.financials.example.com
#   SITE_BUCKET     OSS bucket of the site (terraform output site_bucket) (required)
#   SITE_DOMAIN     CDN domain to refresh, e.g. www.financials.example.com (required)
#   OSS_REGION      the site bucket's region, e.g. cn-hangzhou (Signature V4) (required)
#   OSS_ENDPOINT    e.g. https://oss-cn-hangzhou.aliyuncs.com (default: ossutil's config)
#   SKIP_BUILD=1    upload the export already in OUT_DIR (e.g. from `make export`)
#   OUT_DIR         where the export lands (default dist/site)
#   DRY_RUN=1       print the commands instead of running them
# Credentials: ossutil and the aliyun CLI read their usual config or ALIBABA_CLOUD_* vars.
#
# Usage: infra/scripts/build_and_push_frontend.sh [--help]

set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && usage

require_env REFLEX_API_URL SITE_BUCKET SITE_DOMAIN OSS_REGION
require_cmd ossutil aliyun
[[ "${SKIP_BUILD:-0}" == 1 ]] || require_cmd docker
[[ "$REFLEX_API_URL" == https://* ]] || { echo "error: REFLEX_API_URL must be https://..." >&2; exit 2; }
root=$(repo_root)
out=${OUT_DIR:-$root/dist/site}
endpoint=()
[[ -n "${OSS_ENDPOINT:-}" ]] && endpoint=(--endpoint "$OSS_ENDPOINT")
# OSS refuses Signature V1 for new accounts and buckets: ossutil signs with V4 in the region.
sign=(--sign-version v4 --region "$OSS_REGION")

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  run docker buildx build \
    --file "$root/infra/docker/Dockerfile" \
    --target site \
    --build-arg "REFLEX_API_URL=$REFLEX_API_URL" \
    --output "type=local,dest=$out" \
    "$root"
fi

# Every file of the export is uploaded except the precompressed .gz copies (CDN compresses on
# its own); each is listed as "upload <file> -> <object> (<cache>)" first, dry run or not.
# Hashed assets never change: cached for a year. Pages must pick up a release at once.
# SPA routes: each page folder's index.html (history/index.html) is also uploaded as the bare
# route (history), with text/html, so /history and /login answer 200 from OSS itself; the
# bucket's website rule sends anything else to 404.html.
immutable="Cache-Control:public, max-age=31536000, immutable"
fresh="Cache-Control:no-cache"
[[ -d "$out" || "${DRY_RUN:-0}" == 1 ]] || { echo "error: no export in $out" >&2; exit 2; }
if [[ -d "$out/assets" ]]; then
  while IFS= read -r file; do
    echo "upload ${file#"$out"/} -> oss://$SITE_BUCKET/${file#"$out"/} (immutable)"
  done < <(find "$out/assets" -type f ! -name '*.gz' | sort)
  run ossutil cp -r -f -u "${endpoint[@]}" "${sign[@]}" --exclude "*.gz" --meta "$immutable" \
    "$out/assets/" "oss://$SITE_BUCKET/assets/"
fi
if [[ -d "$out" ]]; then
  while IFS= read -r file; do
    relative=${file#"$out"/}
    keys=("$relative")
    if [[ "$relative" == */index.html ]]; then
      route=${relative%/index.html}
      keys+=("$route")
    fi
    for key in "${keys[@]}"; do
      echo "upload $relative -> oss://$SITE_BUCKET/$key (no-cache)"
      if [[ "$key" == "$relative" ]]; then
        run ossutil cp -f "${endpoint[@]}" "${sign[@]}" --meta "$fresh" \
          "$file" "oss://$SITE_BUCKET/$key"
      else
        run ossutil cp -f "${endpoint[@]}" "${sign[@]}" \
          --meta "$fresh#Content-Type:text/html; charset=utf-8" "$file" "oss://$SITE_BUCKET/$key"
      fi
    done
  done < <(find "$out" -type f ! -name '*.gz' ! -path "$out/assets/*" | sort)
fi

run aliyun cdn RefreshObjectCaches --ObjectType Directory --ObjectPath "https://$SITE_DOMAIN/"
echo "published $out to oss://$SITE_BUCKET and refreshed https://$SITE_DOMAIN/"
