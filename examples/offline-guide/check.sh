#!/usr/bin/env bash
# The headers a reader's browser relies on: compressed text, JSON for search, a .zip to save,
# long caching only for files named by their content hash; the PDFs left out of the image.
set -euo pipefail
base=http://127.0.0.1:8088

# header URL NAME [curl options…]: the value of one response header of a GET
header() {
  curl -fsS -o /dev/null -D - "${@:3}" "$base$1" | tr -d '\r' | awk -v name="$2" 'tolower($1) == tolower(name) ":" { sub(/^[^:]*: */, ""); print }'
}
expect() {  # expect WHAT ACTUAL WANTED
  if [ "$2" = "$3" ]; then echo "ok: $1: $2"; else echo "FAIL: $1: got '$2', want '$3'"; exit 1; fi
}

expect "page gzip-compressed" "$(header /en/docs/compose Content-Encoding -H 'Accept-Encoding: gzip')" gzip
expect "search index type" "$(header /search-index.json Content-Type)" application/json
expect "search index gzip-compressed" "$(header /search-index.json Content-Encoding -H 'Accept-Encoding: gzip')" gzip
expect "search index caching" "$(header /search-index.json Cache-Control)" no-cache
expect "download type" "$(header /downloads/offline-guide.zip Content-Type)" application/zip
expect "download saved, not shown" "$(header /downloads/offline-guide.zip Content-Disposition)" attachment
script=$(curl -fsS "$base/en/" | grep -o '/en/assets/js/main\.[0-9a-f]*\.js' | head -n 1)
expect "hashed script caching" "$(header "$script" Cache-Control)" "public, max-age=31536000, immutable"
expect "PDF left out of the image" "$(curl -s -o /dev/null -w '%{http_code}' "$base/en/pdf/docker-field-guide.en.pdf")" 404
