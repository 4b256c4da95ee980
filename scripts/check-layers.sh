#!/bin/sh
# Fails when a server source includes a layer above its own (docs/architecture.md): storage/ may
# not include register/, service/, export/, http/ or console/; register/ may not include
# service/, export/, http/ or console/; the console's and http's handlers reach storage only
# through services (storage types such as StoredRecord are fine, the SQL storage and drivers,
# the register's SQL index and the blob store are not).
cd "$(dirname "$0")/../sync-server/src" || exit 2
status=0
check() {  # folder, forbidden include pattern
  found=$(grep -rnE "#include \"($2)" "$1" || true)
  if [ -n "$found" ]; then
    echo "layering: $1/ must not include $2:"
    echo "$found"
    status=1
  fi
}
check storage 'register/|service/|export/|http/|console/'
check register 'service/|export/|http/|console/'
check console 'storage/(sql|sqlite|postgres|storage_factory)|blob/|register/sql'
check http 'storage/(sql|sqlite|postgres|storage_factory)|blob/|register/sql'
exit $status
