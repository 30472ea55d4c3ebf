#!/usr/bin/env bash
# The test command: set up (first run only), then run the whole test suite.
# PostgreSQL tests run when DERMAVIGIL_TEST_POSTGRES_URL is set (.ci/run sets it);
# browser tests run when Chromium is at /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh dev,spark
exec .venv/bin/python -m pytest "$@"
