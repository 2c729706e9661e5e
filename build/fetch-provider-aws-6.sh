#!/usr/bin/env bash
# Fetches the jsii assembly of the cdktf AWS bindings for the hashicorp/aws 6.x provider (npm @cdktf/provider-aws,
# pinned here with its integrity) for the schema check of the 6.x majors (Aws6SchemaTest). The provider binary 6.x is
# not installable here; the assembly carries its resource and data source schemas. Called by Maven in
# generate-test-resources; does nothing when the assembly of this version is already extracted.
set -euo pipefail
out="$1"
package="@cdktf/provider-aws"
version="21.22.1"
integrity="sha512-BuSHeaQFUL9l33pBzIMRT7cTQ69AM2mLtijjteCPhVQRmvuhuj9Lvfymf7knAMhYqAT6+Lrls9jiGVW/Us3zrQ=="

assembly="$out/provider-aws-$version.jsii"
[ -f "$assembly" ] && exit 0
mkdir -p "$out"
work="$(mktemp -d "$out/fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "[provider-aws 6.x] npm pack $package@$version (the 6.x schema check's assembly, 37 MB)"
tarball="$(cd "$work" && npm pack "$package@$version" --silent --no-audit --no-fund)"
actual="$(node -e 'const c=require("crypto"),f=require("fs");console.log("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$work/$tarball")"
if [ "$actual" != "$integrity" ]; then
  echo "[provider-aws 6.x] $package@$version: integrity $actual, expected $integrity" >&2
  exit 1
fi
tar -xzf "$work/$tarball" -C "$work" package/.jsii
mv "$work/package/.jsii" "$assembly"
