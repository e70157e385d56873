#!/usr/bin/env bash
# Fetches the openapi-generator jar pinned in openapitools.json into the wrapper's storage
# (generator-cli.storageDir, else node_modules/@openapitools/openapi-generator-cli/versions),
# named <version>.jar as the wrapper expects. Does nothing when a whole jar is already there.
# First the npm wrapper's own download; if that fails, Maven's dependency:copy.
# Prints one line; exits non-zero with one sentence on failure.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
root=$(pwd)

fail() {
  echo "fetch-generator-jar: $*" >&2
  exit 1
}

command -v node >/dev/null 2>&1 || fail "Node.js is required to read openapitools.json; install Node 20 and run npm ci first."
[ -f openapitools.json ] || fail "openapitools.json is missing at $root; restore it from git."

read -r version storage < <(node -e '
  const c = require("./openapitools.json")["generator-cli"] || {};
  const dir = (c.storageDir || "node_modules/@openapitools/openapi-generator-cli/versions").replace(/^~(?=\/|$)/, require("os").homedir());
  process.stdout.write((c.version || "") + " " + require("path").resolve(dir) + "\n");
') || fail "openapitools.json could not be read; check that it is valid JSON."
[ -n "$version" ] || fail "openapitools.json names no generator-cli.version; set one, e.g. 7.17.0."
jar="$storage/$version.jar"

# A whole jar ends with a zip end-of-central-directory record; a cut-off download does not.
whole_jar() {
  [ -f "$1" ] && node -e '
    const b = require("fs").readFileSync(process.argv[1]);
    const tail = b.subarray(Math.max(0, b.length - 65557));
    process.exit(b.length > 1e6 && tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= 0 ? 0 : 1);
  ' "$1"
}

if whole_jar "$jar"; then
  echo "openapi-generator $version jar already present: $jar"
  exit 0
fi
rm -f "$jar"
mkdir -p "$storage" || fail "cannot create $storage."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# 1. The wrapper downloads the selected version before running `version`; it resolves
#    storageDir against $PWD, which is the repository root here.
if [ -x node_modules/.bin/openapi-generator-cli ]; then
  PWD="$root" timeout 600 node_modules/.bin/openapi-generator-cli version >>"$log" 2>&1
fi
if whole_jar "$jar"; then
  echo "openapi-generator $version jar fetched by the npm wrapper: $jar"
  exit 0
fi
rm -f "$jar"

# 2. Maven Central through Maven, then renamed the way the wrapper names it.
if command -v mvn >/dev/null 2>&1; then
  tmp=$(mktemp -d)
  if timeout 600 mvn -q -B dependency:copy "-Dartifact=org.openapitools:openapi-generator-cli:$version" "-DoutputDirectory=$tmp" >>"$log" 2>&1 \
    && whole_jar "$tmp/openapi-generator-cli-$version.jar"; then
    mv "$tmp/openapi-generator-cli-$version.jar" "$jar"
    rm -rf "$tmp"
    echo "openapi-generator $version jar fetched with Maven: $jar"
    exit 0
  fi
  rm -rf "$tmp"
fi

tail -n 20 "$log" >&2
fail "could not fetch openapi-generator $version: neither the npm wrapper (run npm ci first) nor Maven (apt-get install maven) could download it."
