#!/usr/bin/env bash
# Writes the small example sky used in the README (objects and bright stars, as CSV, FITS,
# FITS.gz and NumPy files) into the directory given (default: example/ at the repository root).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/../skycut" example --output "${1:-$here/../example}"
