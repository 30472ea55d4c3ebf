#!/usr/bin/env bash
# Create ./.venv (once) and install dermavigil with its pinned dependencies.
#   bash scripts/bootstrap.sh             what the app needs (scripts/run.sh)
#   bash scripts/bootstrap.sh dev,spark   plus extras (scripts/test.sh: test tools, PySpark)
# Idempotent: re-running installs only when pyproject.toml changed or an extra is new;
# extras installed before are kept (.venv/.dermavigil-installed lists them).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.dermavigil-installed
wanted=$(
  { [ -f "$stamp" ] && cat "$stamp"; echo "${1:-}" | tr ',' '\n'; } | sed '/^$/d' | sort -u
)
missing=0
arg=${1:-}
for extra in ${arg//,/ }; do
  grep -qx "$extra" "$stamp" 2>/dev/null || missing=1
done
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$missing" = 1 ]; then
  # pip >= 21.3 installs a pyproject.toml project in editable mode; upgrade only older ones
  if ! .venv/bin/python -c 'import sys, pip; sys.exit(tuple(map(int, pip.__version__.split(".")[:2])) < (21, 3))'; then
    .venv/bin/python -m pip install --quiet --upgrade pip
  fi
  extras=$(echo "$wanted" | paste -sd, -)
  # --no-compile: Python compiles what it imports on first use, not all of every package now
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-compile -e ".${extras:+[$extras]}"
  echo "$wanted" > "$stamp"
fi
