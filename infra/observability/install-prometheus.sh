#!/usr/bin/env bash
# Run by the build (exec-maven-plugin, before infra/e2e-tests' integration tests) and by the local stack's
# --with-prometheus when it finds no prometheus: makes sure Debian's `prometheus` package (prometheus and promtool)
# is there for the Prometheus query check (PrometheusCheckIT). Installs it when missing and this is root with
# apt-get, so CI on a fresh machine runs the check instead of skipping it. Never fails the build: where it cannot
# install, PrometheusCheckIT reports itself skipped and names the package to install.
#
# The package's own system service is kept from running: it would hold port 9090 and scrape nothing of ours. The
# check starts its own Prometheus on a free port with its own storage directory, and so does the local stack.
set -u

if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
  exit 0
fi
package="prometheus"
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-prometheus.sh: prometheus or promtool missing and not root with apt-get; the Prometheus query" \
       "check will be skipped: run apt-get install -y --no-install-recommends $package" >&2
  exit 0
fi

# Debian's way to keep a package's daemon from starting at install (invoke-rc.d and deb-systemd-invoke both ask
# /usr/sbin/policy-rc.d): one that refuses every start is put there for the install only, unless there is one
# already (containers usually have it), which is left as it is.
policy=/usr/sbin/policy-rc.d
own_policy=no
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# install-prometheus.sh: no daemon starts during its install; removed after it.\nexit 101\n' \
    > "$policy" && chmod 755 "$policy" && own_policy=yes
fi
cleanup() {
  if [ "$own_policy" = yes ]; then
    rm -f "$policy"
  fi
}
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
echo "install-prometheus.sh: installing $package for the Prometheus query check"
# No recommends: they bring prometheus-node-exporter, another daemon (port 9100) that the check does not need.
# A fresh machine may have no package lists yet: then the install fails, and one update is tried before it again.
if ! apt-get install -y -q --no-install-recommends $package; then
  apt-get update -q && apt-get install -y -q --no-install-recommends $package
fi

# Where systemd runs, the unit is disabled too (so it does not start at the next boot) and stopped if it started
# anyway; without systemd, the init script is asked to stop it. Both are no-ops when it is not running.
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  systemctl disable --now prometheus >/dev/null 2>&1 || true
elif command -v service >/dev/null 2>&1 && [ -x /etc/init.d/prometheus ]; then
  service prometheus stop >/dev/null 2>&1 || true
fi

if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
  echo "install-prometheus.sh: installed $(prometheus --version 2>&1 | head -1)"
else
  echo "install-prometheus.sh: could not install $package; the Prometheus query check will be skipped" >&2
fi
exit 0
