#!/usr/bin/env bash
# Smoke test of a running assessments API (deployed or local): create, read, update with the version, a stale
# update (409), a conditional read (304) and a bad id (400 problem+json). Needs bash and curl only.
#
#   scripts/smoke-test.sh <api-url> <token>
#
# <api-url>: e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/ or http://localhost:3000 (a trailing
# slash is optional). <token>: an access token of the configured issuer and audience. Exits 0 when every answer is
# the expected one, 1 at the first that is not (printing what came back), 2 on wrong usage. It creates one
# assessment (named "smoke test ...", owned by the token's user) and leaves it: the API has no delete.
set -euo pipefail

if [ "$#" -ne 2 ] || [ -z "$1" ] || [ -z "$2" ]; then
  echo "usage: $0 <api-url> <token>" >&2
  exit 2
fi
API="${1%/}"
TOKEN="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

STATUS=""   # of the last request
BODY=""     # of the last request
HEADERS=""  # of the last request, lower-cased names

# request <method> <path> [curl options...]: one call with the token; sets STATUS, BODY, HEADERS.
request() {
  local method="$1" path="$2"
  shift 2
  rm -f "$WORK/body" "$WORK/headers" "$WORK/curl-error"
  STATUS="$(curl -sS --max-time 15 -X "$method" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
    -H "Authorization: Bearer $TOKEN" "$@" "$API$path" 2>"$WORK/curl-error")" || STATUS="000"
  BODY="$(cat "$WORK/body" 2>/dev/null || true)"
  HEADERS="$(tr -d '\r' <"$WORK/headers" 2>/dev/null | tr 'A-Z' 'a-z' || true)"
}

fail() {
  echo "FAIL $STEP: $1" >&2
  echo "  status: $STATUS" >&2
  [ -s "$WORK/curl-error" ] && echo "  curl: $(cat "$WORK/curl-error")" >&2
  echo "  body:   $BODY" >&2
  exit 1
}

expect_status() {
  [ "$STATUS" = "$1" ] || fail "expected HTTP $1"
}

expect_header() { # <lower-case name> <value, lower-case>
  # A here-string, not a pipe: under pipefail, grep -q closing the pipe early could fail the writer (SIGPIPE).
  grep -qx "$1: $2" <<<"$HEADERS" || fail "expected header '$1: $2' in: $(printf '%s' "$HEADERS" | tr '\n' ' ')"
}

expect_body() { # <fixed text>
  case "$BODY" in *"$1"*) ;; *) fail "expected the body to contain $1" ;; esac
}

ok() {
  echo "ok   $STEP -> $STATUS"
}

JSON=(-H 'Content-Type: application/json')

STEP="POST /api/assessments"
request POST /api/assessments "${JSON[@]}" \
  --data "{\"name\":\"smoke test $(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"companyName\":\"Acme Farming Cooperative\",\"intakeMode\":\"GUIDED_INTERVIEW\"}"
expect_status 201
expect_header etag '"1"'
expect_body '"version":1'
ID="$(printf '%s' "$BODY" | sed -n 's/.*"id":"\([0-9a-f-]\{36\}\)".*/\1/p')"
[ -n "$ID" ] || fail "no id in the answer"
expect_header location "/api/assessments/$ID"
ok

STEP="GET /api/assessments/$ID"
request GET "/api/assessments/$ID"
expect_status 200
expect_header etag '"1"'
expect_body "\"id\":\"$ID\""
ok

STEP="PUT /api/assessments/$ID with version 1"
request PUT "/api/assessments/$ID" "${JSON[@]}" --data '{"status":"ANALYZING","progress":40,"version":1}'
expect_status 200
expect_header etag '"2"'
expect_body '"version":2'
expect_body '"progress":40'
ok

STEP="PUT /api/assessments/$ID with the stale version 1"
request PUT "/api/assessments/$ID" "${JSON[@]}" --data '{"progress":50,"version":1}'
expect_status 409
expect_header content-type 'application/problem+json'
expect_body '"type":"urn:assessments-api:problem:version-conflict"'
expect_body '"currentVersion":2'
ok

STEP="GET /api/assessments/$ID with If-None-Match \"2\""
request GET "/api/assessments/$ID" -H 'If-None-Match: "2"'
expect_status 304
expect_header etag '"2"'
[ -z "$BODY" ] || fail "expected no body"
ok

STEP="GET /api/assessments/not-a-uuid"
request GET /api/assessments/not-a-uuid
expect_status 400
expect_header content-type 'application/problem+json'
expect_body '"type":"urn:assessments-api:problem:invalid-id"'
ok

echo "smoke test passed against $API (assessment $ID)"
