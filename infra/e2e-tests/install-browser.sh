#!/usr/bin/env bash
# Run by the build (exec-maven-plugin, before this module's integration tests): makes sure the browser tests
# have Debian's chromium and chromedriver. Installs both when they are missing and this is root with apt-get,
# so CI on a fresh machine runs the browser tests instead of failing them. Never fails the build: where it
# cannot install, the browser tests fail and name the packages to install. chromium-l10n too: with it the
# browser's own widgets (a date field's ДД.ММ.ГГГГ) are Russian, as a person here sees them; without it the
# tests still run, in en-US widgets.
set -u

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -f /usr/lib/chromium/locales/ru.pak ]; then
  exit 0
fi
packages="chromium chromium-driver chromium-l10n"
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser.sh: chromium or chromedriver missing and not root with apt-get; the browser tests will" \
       "fail: run apt-get install -y $packages" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-browser.sh: installing $packages for the browser tests"
# A fresh machine may have no package lists yet: then the install fails, and one update is tried before it again.
if ! apt-get install -y -q $packages; then
  apt-get update -q && apt-get install -y -q $packages
fi
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "install-browser.sh: installed $(/usr/bin/chromedriver --version 2>/dev/null)"
else
  echo "install-browser.sh: could not install $packages; the browser tests will fail" >&2
fi
exit 0
