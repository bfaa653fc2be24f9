#!/usr/bin/env bash
# Backs up what Sigma needs into a new folder: ./build/sauvegarde.sh /chemin/vers/sauvegarde-2027-01-15
# (the database with pg_dump, the stored files, the sealing master key, the data-protection keys, the platform's seal,
# and a manifest of their SHA-256). Uses the same configuration as Sigma (environment variables, appsettings.json).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "Usage : $0 <dossier de sauvegarde neuf>" >&2; exit 2; }
exec dotnet run --project Host/Sigma.Host -c Release -- sauvegarder "$(realpath -m "$1")"
