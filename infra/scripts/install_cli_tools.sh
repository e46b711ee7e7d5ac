#!/usr/bin/env bash
# Install ossutil and the aliyun CLI at pinned versions, each checked against a pinned
# SHA-256 before anything is unpacked (no `curl | bash`, no "latest").
#
# Environment:
#   OSSUTIL_SHA256      SHA-256 of ossutil-v<version>-linux-amd64.zip (required)
#   ALIYUN_CLI_SHA256   SHA-256 of aliyun-cli-linux-<version>-amd64.tgz (required)
#   OSSUTIL_VERSION     default 1.7.19
#   ALIYUN_CLI_VERSION  default 3.0.277
#   DOWNLOAD_BASE       where the release files are (default: the projects' GitHub releases)
#   BIN_DIR             where the binaries go (default /usr/local/bin)
#   DRY_RUN=1           print the commands instead of running them
# Take the checksums from the releases' published SHA-256 sums once, review them, and keep
# them as repository variables; a changed file then fails here instead of running in CI.
#
# Usage: infra/scripts/install_cli_tools.sh [--help]

set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && usage

require_env OSSUTIL_SHA256 ALIYUN_CLI_SHA256
require_cmd curl unzip tar sha256sum
ossutil_version=${OSSUTIL_VERSION:-1.7.19}
aliyun_version=${ALIYUN_CLI_VERSION:-3.0.277}
base=${DOWNLOAD_BASE:-https://github.com/aliyun}
bin=${BIN_DIR:-/usr/local/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ossutil_file="ossutil-v$ossutil_version-linux-amd64.zip"
aliyun_file="aliyun-cli-linux-$aliyun_version-amd64.tgz"
run curl -fsSL -o "$work/$ossutil_file" "$base/ossutil/releases/download/v$ossutil_version/$ossutil_file"
run curl -fsSL -o "$work/$aliyun_file" "$base/aliyun-cli/releases/download/v$aliyun_version/$aliyun_file"
printf '%s  %s\n%s  %s\n' "$OSSUTIL_SHA256" "$ossutil_file" "$ALIYUN_CLI_SHA256" "$aliyun_file" >"$work/SHA256SUMS"
if [[ "${DRY_RUN:-0}" == 1 ]]; then
  run sha256sum --check --strict "$work/SHA256SUMS"
  echo "would install ossutil $ossutil_version and aliyun $aliyun_version into $bin"
  exit 0
fi
(cd "$work" && sha256sum --check --strict SHA256SUMS) || {
  echo "error: a download does not match its pinned SHA-256; nothing was installed" >&2
  exit 3
}
unzip -q -j "$work/$ossutil_file" '*/ossutil64' -d "$work/ossutil"
install -m 0755 "$work/ossutil/ossutil64" "$bin/ossutil"
tar -xzf "$work/$aliyun_file" -C "$work" aliyun
install -m 0755 "$work/aliyun" "$bin/aliyun"
echo "installed ossutil $ossutil_version and aliyun $aliyun_version into $bin"
