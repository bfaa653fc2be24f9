#!/usr/bin/env bash
# Restores a backup made by build/sauvegarde.sh on this machine, into an empty database and Sigma's configured folders:
# ./build/restauration.sh /chemin/vers/sauvegarde-2027-01-15   (every file is checked against the manifest first).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "Usage : $0 <dossier de sauvegarde>" >&2; exit 2; }
build/prerequis.sh
exec dotnet run --project Host/Sigma.Host -c Release -- restaurer "$(realpath "$1")"
