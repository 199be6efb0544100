#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 for the store contract and two-instance tests, and prints the
# connection string for TEST_POSTGRES. Sourced by test.sh; stops the cluster when the calling shell exits.
# Installs Debian's postgresql when missing and running as root; otherwise says the PostgreSQL tests will be skipped.

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

start_test_postgres() {
  local bin
  bin=$(postgres_bin)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      bin=$(postgres_bin)
    else
      echo "postgresql missing and not root: the PostgreSQL tests will be skipped"
      return 0
    fi
  fi

  # initdb refuses to run as root: as root the cluster belongs to Debian's postgres user.
  local run=()
  if [ "$(id -u)" -eq 0 ]; then run=(runuser -u postgres --); fi
  PG_TEST_DIR=$(mktemp -d /tmp/cppcc-pg.XXXXXX)
  chmod 755 "$PG_TEST_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_TEST_DIR"
  # A free port in the dynamic range: nothing answers a connection there (bash's /dev/tcp, no other tool needed).
  local port
  while :; do
    port=$((49152 + RANDOM % 16000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  "${run[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # fsync off: the cluster lives for one test run; max_connections covers two bot processes and parallel test hosts.
  "${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w start \
    -o "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" >/dev/null
  PG_TEST_CTL=("${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop)
  export TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL test cluster on 127.0.0.1:$port ($PG_TEST_DIR)"
}

stop_test_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ]; then
    "${PG_TEST_CTL[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
  fi
}
