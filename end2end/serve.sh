#!/usr/bin/env bash
# Starts the built Portico for the end-to-end tests: demo data, a database of its own, and a real
# SMTP server (mailbox.mjs) that the tests read mail from.
set -euo pipefail
port="$1"
smtp_port="${PORTICO_E2E_SMTP_PORT:-3225}"
mailbox_port="${PORTICO_E2E_MAILBOX_PORT:-3226}"
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
data=$(mktemp -d)
# The mailbox lives as long as this script: it exits when its standard input closes.
mkfifo "$data/mailbox-stdin"
node "$here/mailbox.mjs" "$smtp_port" "$mailbox_port" < "$data/mailbox-stdin" > "$data/mailbox.out" &
exec 3> "$data/mailbox-stdin"
# A real OpenID provider for the single sign-on specs, for as long as this script too.
oidc_port="${PORTICO_E2E_OIDC_PORT:-3227}"
mkfifo "$data/oidc-stdin"
node "$here/oidc/provider.mjs" "$oidc_port" < "$data/oidc-stdin" > "$data/oidc.out" 2>&1 &
exec 4> "$data/oidc-stdin"
export PORTICO_OIDC_PROVIDERS='[{"slug": "corp", "name": "Corp ID", "issuer": "http://127.0.0.1:'"$oidc_port"'",
  "client_id": "portico", "client_secret": "portico-test-secret", "allowed_domains": ["sso.test"],
  "jit": true, "organization": "demo-company", "enforce_sso": true}]'
export DATABASE_URL="sqlite://$data/portico.db?mode=rwc"
export LEPTOS_SITE_ADDR="127.0.0.1:$port"
export PORTICO_SMTP_URL="smtp://127.0.0.1:$smtp_port"
export PORTICO_DEMO=1
# Every spec signs in through the real sign-in page; the rate limits are tested by the integration tests.
export PORTICO_LINKS_PER_EMAIL=1000 PORTICO_LINKS_PER_CLIENT=1000
binary="${PORTICO_E2E_BIN:-target/debug/portico}"
"$binary" serve &
child=$!
trap 'kill -TERM $child 2>/dev/null; wait $child; exec 3>&- 4>&-; rm -rf "$data"' EXIT TERM INT
wait $child
