#!/usr/bin/env bash
# Installs the Debian packages forewarn builds against and the real peers its tests start.
# Idempotent: packages already present are skipped; apt is retried once (overlapping apt runs
# on this image can fail with a missing-archive error).
set -euo pipefail

build_packages=(pkg-config libsystemd-dev libcurl4-gnutls-dev libical-dev libsqlite3-dev tzdata)
peer_packages=(prometheus nut-server nut-client kannel kannel-extras python3 python3-venv python3-yaml python3-jsonschema systemd systemd-container wrk postgresql curl openssl)

# --build-only: just what building and running forewarn needs (no test peers).
packages=("${build_packages[@]}")
if [ "${1:-}" != "--build-only" ]; then packages+=("${peer_packages[@]}"); fi

want=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        want+=("$p")
    fi
done
if [ "${#want[@]}" -eq 0 ]; then
    echo "install-deps: all packages present"
    exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

apt_install() {
    "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 update -q &&
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "$@"
}
echo "install-deps: installing ${want[*]}"
apt_install "${want[@]}" || { echo "install-deps: apt failed, retrying once" >&2; sleep 5; apt_install "${want[@]}"; }
