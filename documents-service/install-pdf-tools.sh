#!/usr/bin/env bash
# Run by the build (exec-maven-plugin, before this module's integration tests): makes sure PdfToolsIT has poppler's
# pdftotext and pdffonts, the tools it checks the справки with as any reader's machine would. Installs Debian's
# poppler-utils when missing and this is root with apt-get, so CI on a fresh machine runs the test instead of failing
# it. Never fails the build: where it cannot install, PdfToolsIT fails and names the package to install.
set -u

if command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1; then
  exit 0
fi
packages="poppler-utils"
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-pdf-tools.sh: pdftotext or pdffonts missing and not root with apt-get; PdfToolsIT will fail:" \
       "run apt-get install -y $packages" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-pdf-tools.sh: installing $packages for PdfToolsIT"
# A fresh machine may have no package lists yet: then the install fails, and one update is tried before it again.
if ! apt-get install -y -q $packages; then
  apt-get update -q && apt-get install -y -q $packages
fi
if command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1; then
  echo "install-pdf-tools.sh: installed $(pdftotext -v 2>&1 | head -1)"
else
  echo "install-pdf-tools.sh: could not install $packages; PdfToolsIT will fail" >&2
fi
exit 0
