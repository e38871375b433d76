#!/usr/bin/env bash
# Starts a local PostgreSQL 15 for the sync-server tests and prints the URL they use.
# Installs it with apt when missing (root only). Used by scripts/test.sh when CI=true or
# LOKET_WITH_PG=1; elsewhere the server tests run on SQLite and say so.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >/dev/null
  else
    echo "postgres.sh: PostgreSQL is not installed" >&2
    exit 1
  fi
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
su postgres -c "psql -q -p $port -tc \"SELECT 1 FROM pg_roles WHERE rolname='loket'\"" | grep -q 1 \
  || su postgres -c "psql -q -p $port -c \"CREATE ROLE loket LOGIN SUPERUSER PASSWORD 'loket'\"" >&2
echo "postgresql://loket:loket@127.0.0.1:$port/postgres"
