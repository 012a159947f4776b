#! Sourced by the scripts: puts the project's tools first on PATH.
# wasm-opt from node_modules (binaryen 132) must win over Debian's older binaryen.
project_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$project_root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
