#!/usr/bin/env bash
# Runs Sigma on http://localhost:5080. Without ConnectionStrings__Sigma it starts its own PostgreSQL (data kept in
# /var/lib/sigma as root, ~/.local/share/sigma otherwise); without Smtp__Host it catches mails locally (page /courriels).
set -euo pipefail
cd "$(dirname "$0")"
build/prerequis.sh --chromium
exec dotnet run --project Host/Sigma.Host/Sigma.Host.csproj -c Release --launch-profile Sigma -- --urls "${SIGMA_URLS:-http://localhost:5080}" "$@"
