#!/bin/bash
# Starts Kurento Media Server with coturn as its STUN and TURN server. coturn runs with use-auth-secret (the TURN
# REST API scheme), so it has no fixed accounts: like a browser, Kurento gets a time-limited credential derived from
# the shared secret (username "<expiry>:kurento", password base64(HMAC-SHA1(secret, username))). A restart renews
# it; KMS_TURN_CREDENTIAL_TTL (seconds, default 30 days) bounds how long a leaked credential stays usable.
set -euo pipefail

# The image's own entrypoint, which writes KMS_* into Kurento's settings; a test replaces it.
kms_entrypoint="${KMS_ENTRYPOINT:-/entrypoint.sh}"
turn_host="${TURN_HOST:-coturn}"
turn_port="${TURN_PORT:-3478}"

# Kurento's STUN and TURN settings take an IP address, not a host name.
turn_ip="$(getent ahostsv4 "$turn_host" | awk 'NR == 1 { print $1 }' || true)"
if [[ -z "$turn_ip" ]]; then
    echo "[mend] cannot resolve the TURN host '$turn_host'" >&2
    exit 1
fi
export KMS_STUN_IP="$turn_ip" KMS_STUN_PORT="$turn_port"

if [[ -n "${TURN_SECRET:-}" ]]; then
    if ! command -v openssl >/dev/null; then
        echo "[mend] openssl is missing from the Kurento image: cannot derive the TURN credential" >&2
        exit 1
    fi
    expiry=$(($(date +%s) + ${KMS_TURN_CREDENTIAL_TTL:-2592000}))
    username="${expiry}:kurento"
    password="$(printf '%s' "$username" | openssl dgst -sha1 -hmac "$TURN_SECRET" -binary | base64)"
    export KMS_TURN_URL="${username}:${password}@${turn_ip}:${turn_port}?transport=udp"
else
    echo "[mend] TURN_SECRET is empty: Kurento runs with STUN only" >&2
fi
# The secret itself is not needed past this point; the image's entrypoint traces its commands.
unset TURN_SECRET

exec "$kms_entrypoint" "$@"
