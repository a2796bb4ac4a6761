#!/bin/sh
# Docker Compose mounts each secret as a file under /run/secrets. A file named like an environment variable
# (FRMR_CRYPTO_MASTER_KEY, MONGO_APP_PASSWORD) becomes that variable for the service's JVM only: the values never
# appear in the compose file, in `docker inspect` or in the image. Kubernetes passes the same names with envFrom,
# and has no /run/secrets.
set -eu
if [ -d /run/secrets ]; then
  for file in /run/secrets/*; do
    [ -f "$file" ] || continue
    name=$(basename "$file")
    case "$name" in
      *[!A-Z0-9_]*) continue ;;
    esac
    export "$name=$(cat "$file")"
  done
fi
exec java -jar /app/app.jar "$@"
