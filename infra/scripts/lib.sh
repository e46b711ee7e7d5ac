#!/usr/bin/env bash
# Shared helpers of the infra scripts (sourced, not run).

# Prints the script's header comment (its usage) and exits.
usage() {
  sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"
  exit "${1:-0}"
}

# Fails with a message naming each variable that is unset or empty.
require_env() {
  local missing=()
  local name
  for name in "$@"; do
    [[ -n "${!name:-}" ]] || missing+=("$name")
  done
  if ((${#missing[@]})); then
    echo "error: set ${missing[*]} (see $(basename "$0") --help)" >&2
    exit 2
  fi
}

# Fails unless each command is on PATH (skipped in a dry run, which runs none of them).
require_cmd() {
  [[ "${DRY_RUN:-0}" == 1 ]] && return 0
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null || { echo "error: $cmd is not installed" >&2; exit 2; }
  done
}

# Runs a command, or with DRY_RUN=1 prints it (shell-quoted) instead.
run() {
  if [[ "${DRY_RUN:-0}" == 1 ]]; then
    printf '+'
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}

# The repository root (the Docker build context).
repo_root() {
  cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd
}
