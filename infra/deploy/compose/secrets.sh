#!/bin/bash
# Writes the compose cluster's secrets to ./secrets/<NAME> (mode 600), each from the environment variable of the
# same name; `--generate` makes a random value for the ones that are random keys and are not set. Never overwrites
# a file that exists. The names and what each is: .env.example. Key files (PEM) are copied into ./secrets/ by hand.
set -euo pipefail
cd "$(dirname "$0")"
# The directory is the owner's alone; the files in it are world-readable because Compose bind-mounts each file as it
# is (it ignores a secret's uid/gid/mode outside Swarm) and the services read theirs as uid 10001.
mkdir -p secrets
chmod 700 secrets
umask 022

generate=false
[ "${1:-}" = "--generate" ] && generate=true

b64_32() { openssl rand -base64 32; }
hex_24() { openssl rand -hex 24; }
# name:generator (empty: cannot be generated, must be given)
secrets=(
  MONGO_ROOT_PASSWORD:hex_24 MONGO_APP_PASSWORD:hex_24 MONGO_KEYFILE:b64_32 GRAFANA_ADMIN_PASSWORD:hex_24
  REGISTRY_FRMR_CRYPTO_MASTER_KEY:b64_32 REGISTRY_FRMR_IDENTITY_SNILS_INDEX_KEY:hex_24
  DOCUMENTS_FRMR_CRYPTO_MASTER_KEY:b64_32
  NOTIFICATION_FRMR_CRYPTO_MASTER_KEY:b64_32 NOTIFICATION_FRMR_WEBHOOK_SIGNING_KEY:
  AUTH_FRMR_CRYPTO_MASTER_KEY:b64_32 AUTH_FRMR_IDENTITY_SNILS_INDEX_KEY:hex_24 AUTH_FRMR_AUTH_CODE_PEPPER:hex_24
  AUTH_FRMR_AUTH_ADDRESS_HASH_KEY:hex_24 AUTH_FRMR_AUTH_SIGNING_KEY_ENCRYPTION_KEY:b64_32
  AUDIT_FRMR_AUDIT_CHECKPOINT_KEY:
  PORTAL_FRMR_PORTAL_TOKEN_KEY:b64_32
)
missing=()
for entry in "${secrets[@]}"; do
  name=${entry%%:*} generator=${entry#*:}
  file=secrets/$name
  [ -s "$file" ] && continue
  if [ -n "${!name:-}" ]; then
    printf '%s' "${!name}" > "$file"
  elif $generate && [ -n "$generator" ]; then
    $generator | tr -d '\n' > "$file"
  else
    missing+=("$name")
  fi
done
for key in esia-client.key.pem esia-client.cert.pem esia.cert.pem qes-trusted-roots.pem \
           documents-signing.key.pem documents-signing.cert.pem; do
  [ -s "secrets/$key" ] || missing+=("$key")
done
# Key files copied or made by hand (openssl writes private keys for its owner only) get the same mode.
chmod 644 secrets/* 2>/dev/null || true
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing in ./secrets/: ${missing[*]}" >&2
  exit 1
fi
echo "all secrets present in $(pwd)/secrets"
