#!/usr/bin/env bash
# Starts the built Portico for the end-to-end tests: demo data, a database of its own.
set -euo pipefail
port="$1"
cd "$(dirname "$0")/.."
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export DATABASE_URL="sqlite://$data/portico.db?mode=rwc"
export LEPTOS_SITE_ADDR="127.0.0.1:$port"
export PORTICO_DEMO=1
binary="${PORTICO_E2E_BIN:-target/debug/portico}"
"$binary" serve &
child=$!
trap 'kill -TERM $child 2>/dev/null; wait $child; rm -rf "$data"' EXIT TERM INT
wait $child
