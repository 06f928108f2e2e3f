#!/usr/bin/env bash
# Install the real services the tests run on loopback: the Distribution
# registry, a Docker daemon and CLI, skopeo, openssl (token certificates), zstd
# (the Actions cache compresses with it), curl (the benchmark's floor) and
# buildah (an independent builder of multi-platform OCI archives).
# Idempotent: installs only the packages whose command is missing, so a machine
# that has them (or has Docker from another source, as GitHub's runners do,
# where Debian's docker.io would conflict with docker-ce) is left untouched.
# Safe without a terminal: no prompts, no stdin, no daemon started by apt.
set -euo pipefail
start=$(date +%s%N)
elapsed() { echo "$((($(date +%s%N) - start) / 1000000)) ms"; }

# command -> the Debian/Ubuntu package that provides it
declare -A PACKAGE_OF=(
  [dockerd]=docker.io
  [docker]=docker.io
  [docker-registry]=docker-registry
  [skopeo]=skopeo
  [openssl]=openssl
  [zstd]=zstd
  [curl]=curl
  [buildah]=buildah
)
# dockerd and docker-registry live in sbin or bin depending on the distribution.
export PATH="$PATH:/usr/sbin:/sbin:/usr/bin"

missing=()
for command in dockerd docker docker-registry skopeo openssl zstd curl buildah; do
  if ! command -v "$command" >/dev/null 2>&1; then
    package=${PACKAGE_OF[$command]}
    [[ " ${missing[*]-} " == *" $package "* ]] || missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "::: test services already installed (checked in $(elapsed))"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-services: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo -n)
fi

echo "::: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
# Recommends included: this is the set verified to run dockerd here.
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${missing[@]}" </dev/null

for command in dockerd docker docker-registry skopeo openssl zstd curl buildah; do
  command -v "$command" >/dev/null 2>&1 || {
    echo "install-services: $command is still missing after the install" >&2
    exit 1
  }
done
echo "::: test services installed in $(elapsed)"
