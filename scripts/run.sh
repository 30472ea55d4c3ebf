#!/usr/bin/env bash
# The main job: set up (first run only), then start the dermavigil web app
# on the embedded default (SQLite registry, DuckDB store) with demo data loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/dermavigil serve --demo "$@"
