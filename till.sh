#!/usr/bin/env bash
# Till's two commands.
#   ./till.sh run [-- APP ARGS]   install what is missing, build, start Till (SQLite demo store)
#   ./till.sh test [-- CTEST ARGS] install what is missing, build, run every test on SQLite
#                                 and on a throwaway PostgreSQL 15 cluster of its own
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build_dir="${TILL_BUILD_DIR:-$here/build}"
jobs="$(nproc 2>/dev/null || echo 2)"

build_packages=(cmake ninja-build g++ qt6-base-dev libqt6opengl6-dev libqt6sql6-sqlite
    libqt6sql6-psql qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-charts-dev libsqlite3-dev libpq-dev)
test_packages=(postgresql poppler-utils clang-format-14)
# The formatter is pinned: another version lays out the same code differently.
clang_format=clang-format-14

say() { printf '\033[1m[till]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[till]\033[0m %s\n' "$*" >&2; exit 1; }

install_missing() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null | grep -qx installed; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "Please install as root: apt-get install ${missing[*]}"
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() {
    if [ ! -f "$build_dir/build.ninja" ]; then
        say "Configuring into $build_dir"
        cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
    say "Building with $jobs jobs"
    cmake --build "$build_dir" --parallel "$jobs"
}

# The style the tools own: clang-format's layout, then tools/check-style's rules (braces on
# every block, ui/ includes no models/db header). Drift fails the test command.
check_style() {
    say "Checking the code's format ($clang_format) and style rules"
    local files
    mapfile -t files < <(cd "$here" && find app models ui tests -name '*.cpp' -o -name '*.h' | sort)
    (cd "$here" && "$clang_format" --dry-run --Werror "${files[@]}") \
        || die "Formatting drifted: run $clang_format -i on the files above"
    (cd "$here" && perl tools/check-style "${files[@]}") || die "Style rules broken (see above)"
}

# --- a throwaway PostgreSQL cluster, listening on a Unix socket of its own only -----------
pg_dir=""
pg_bin=""
pg_as=()

pg_stop() {
    [ -n "$pg_dir" ] || return 0
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
        (cd / && "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" stop -m fast >/dev/null 2>&1) || {
            local pid
            pid="$(head -n 1 "$pg_dir/data/postmaster.pid" 2>/dev/null || true)"
            [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
        }
    fi
    rm -rf "$pg_dir"
    pg_dir=""
}

pg_start() {
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -x "$pg_bin/initdb" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
    pg_dir="$(mktemp -d /tmp/till-pg.XXXXXX)"
    chmod 0755 "$pg_dir"
    if [ "$(id -u)" -eq 0 ]; then
        # initdb and postgres refuse to run as root.
        chown postgres: "$pg_dir"
        pg_as=(runuser -u postgres --)
    fi
    trap pg_stop EXIT INT TERM
    say "Starting a throwaway PostgreSQL cluster in $pg_dir"
    (cd / && "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -A trust -E UTF8 --no-sync \
        -U postgres >"$pg_dir/initdb.log" 2>&1) || { cat "$pg_dir/initdb.log"; die "initdb failed"; }
    (cd / && "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
        -o "-c listen_addresses='' -c unix_socket_directories=$pg_dir -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null) || { cat "$pg_dir/server.log"; die "PostgreSQL did not start"; }
    "$pg_bin/pg_isready" -q -h "$pg_dir" -t 30 || die "PostgreSQL is not answering"
    (cd / && "${pg_as[@]}" "$pg_bin/createdb" -h "$pg_dir" -U postgres till_test)
    export TILL_TEST_DATABASE_URL="postgresql:///till_test?host=$pg_dir&user=postgres"
    export TILL_TEST_REQUIRE_POSTGRESQL=1
}

cmd="${1:-}"
shift || true
[ "${1:-}" = "--" ] && shift

case "$cmd" in
run)
    install_missing "${build_packages[@]}"
    configure_and_build
    if [ $# -eq 0 ]; then
        # The default database under the user's data folder; --demo fills it on first start.
        set -- --demo
    fi
    say "Starting Till"
    exec "$build_dir/app/till" "$@"
    ;;
test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    check_style
    configure_and_build
    pg_start
    say "Running the test suite on SQLite and PostgreSQL"
    status=0
    (cd "$build_dir" && ctest --output-on-failure --parallel "$jobs" --timeout 900 "$@") || status=$?
    pg_stop
    exit $status
    ;;
*)
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
