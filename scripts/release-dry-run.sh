#!/usr/bin/env bash
# A dry run of the release: `./mvnw deploy -Prelease` as a real release runs it, with no
# credentials and nothing leaving this machine (docs/spec-changes.md, "Publishing to Maven Central").
#
#   scripts/release-dry-run.sh            signs with a throw-away GPG key made for the run
#   scripts/release-dry-run.sh --no-sign  -Dgpg.skip (no gpg binary needed)
#
# - Signing: a throw-away key in a temporary GNUPGHOME, so maven-gpg-plugin really signs.
# - Central Portal: a fake on 127.0.0.1 (python3) that takes the upload and answers with a
#   deployment id; the central publishing plugin is pointed at it (-DcentralBaseUrl) with a
#   placeholder token in a temporary settings.xml, and waits only for the upload.
# - Nothing is installed into ~/.m2 (-Dmaven.install.skip); tests are skipped (CI ran them).
# Then it checks the bundle the plugin uploaded: for each published artifact the pom and, for the
# jars, the jar, sources jar and javadoc jar, each signed (unless --no-sign) and with checksums;
# the BOM's pom without a parent; nothing of the modules that are not published.
set -euo pipefail
cd "$(dirname "$0")/.."

sign=true
[[ "${1:-}" == "--no-sign" ]] && sign=false

work="$(mktemp -d)"
portal_pid=""
cleanup() {
  [[ -n "$portal_pid" ]] && kill "$portal_pid" 2>/dev/null || true
  if [[ -n "${GNUPGHOME:-}" && "$GNUPGHOME" == "$work"/* ]]; then
    gpgconf --kill gpg-agent 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)"
published=(segments-kit-parent segments-bom segments-spec segments-generated-client segments-client segments-simulator)
jars=(segments-spec segments-generated-client segments-client segments-simulator)
unpublished=(segments-contract-tests segments-benchmarks segments-examples segments-api-gate segments-build-checks)

# The fake Central Portal: records each request, keeps nothing else, answers an upload with an id.
cat >"$work/portal.py" <<'PY'
import http.server, json, sys
log = open(sys.argv[2], "a")
class Portal(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        scheme = (self.headers.get("Authorization") or "").split(" ")[0]
        log.write(json.dumps({"method": "POST", "path": self.path, "auth": scheme, "bytes": len(body)}) + "\n")
        log.flush()
        self.send_response(201)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"00000000-0000-0000-0000-00000000d1e5")
    def do_GET(self):
        log.write(json.dumps({"method": "GET", "path": self.path}) + "\n")
        log.flush()
        self.send_response(404)
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Portal)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$work/portal.py" "$work/portal.port" "$work/requests.jsonl" >"$work/portal.port" &
portal_pid=$!
for _ in $(seq 50); do [[ -s "$work/portal.port" ]] && break; sleep 0.1; done
port="$(head -1 "$work/portal.port")"
[[ -n "$port" ]] || { echo "release-dry-run: the fake portal did not start" >&2; exit 1; }

cat >"$work/settings.xml" <<XML
<settings>
  <servers>
    <server><id>central</id><username>dry-run</username><password>not-a-token</password></server>
  </servers>
</settings>
XML

gpg_args=(-Dgpg.skip=true)
if $sign; then
  export GNUPGHOME="$work/gnupg"
  mkdir -m 700 "$GNUPGHOME"
  gpg --batch --quiet --passphrase '' --quick-gen-key \
    'segments-kit release dry run <dry-run@segments-kit.invalid>' ed25519 sign 1d
  gpg_args=()
fi

echo "release-dry-run: ./mvnw deploy -Prelease against the fake portal at 127.0.0.1:$port"
start=$(date +%s)
./mvnw -B -s "$work/settings.xml" deploy -Prelease \
  -DskipTests -DskipITs=true -Dinvoker.skip=true -Dmaven.install.skip=true \
  -DcentralBaseUrl="http://127.0.0.1:$port" -Dcentral.waitUntil=uploaded \
  ${gpg_args[@]+"${gpg_args[@]}"} >"$work/build.log" 2>&1 || {
  tail -60 "$work/build.log" >&2
  echo "release-dry-run: the release build failed (log above)" >&2
  exit 1
}
echo "release-dry-run: release build passed in $(($(date +%s) - start)) s"

bundle="target/central-publishing/central-bundle.zip"
[[ -f "$bundle" ]] || { echo "release-dry-run: no bundle at $bundle" >&2; exit 1; }
uploads="$(grep -c '"path": "/api/v1/publisher/upload' "$work/requests.jsonl" || true)"
[[ "$uploads" == "1" ]] || { echo "release-dry-run: expected one upload, the portal saw $uploads" >&2; exit 1; }
grep '"path": "/api/v1/publisher/upload' "$work/requests.jsonl" | sed 's/^/release-dry-run: upload: /'

listing="$(unzip -Z1 "$bundle")"
missing=()
expect() { grep -qx "$1" <<<"$listing" || missing+=("$1"); }
for artifact in "${published[@]}"; do
  dir="io/github/segmentskit/$artifact/$version"
  files=("$artifact-$version.pom")
  for jar in "${jars[@]}"; do
    if [[ "$jar" == "$artifact" ]]; then
      files+=("$artifact-$version.jar" "$artifact-$version-sources.jar" "$artifact-$version-javadoc.jar")
    fi
  done
  for file in "${files[@]}"; do
    expect "$dir/$file"
    expect "$dir/$file.md5"
    expect "$dir/$file.sha1"
    $sign && expect "$dir/$file.asc"
  done
done
for artifact in "${unpublished[@]}"; do
  if grep -q "/$artifact/" <<<"$listing"; then
    missing+=("(must not be in the bundle) $artifact")
  fi
done
if unzip -p "$bundle" "io/github/segmentskit/segments-bom/$version/segments-bom-$version.pom" | grep -q '<parent>'; then
  missing+=("(the published BOM must have no parent) segments-bom-$version.pom")
fi
if ((${#missing[@]})); then
  printf 'release-dry-run: bundle problem: %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "release-dry-run: bundle $bundle: $(wc -l <<<"$listing") files, every published artifact complete$($sign && echo ', signed'), nothing unpublished."
