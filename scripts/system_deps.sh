#!/usr/bin/env bash
# Make sure the Debian packages the tests drive are present (a browser, a throwaway Redis):
# install them when running as root, otherwise print the exact command and stop, so a test
# never fails for an obscure reason.
set -euo pipefail

# package -> a file it provides
declare -A PROVIDES=(
  [chromium]=/usr/bin/chromium
  [redis-server]=/usr/bin/redis-server
)

missing=()
for pkg in "${!PROVIDES[@]}"; do
  [[ -x "${PROVIDES[$pkg]}" ]] || missing+=("$pkg")
done
((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing test dependencies: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "The tests need these Debian packages: ${missing[*]}" >&2
echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
exit 1
