#!/usr/bin/env bash
# Parquet end to end: `skycut cut` writing the kept rows of a Parquet catalogue against DuckDB
# copying the same file (COPY (SELECT * FROM 'in.parquet') TO 'out.parquet' (FORMAT parquet), on 2
# threads), each run a new process, taking turns; prints each run and the medians, and skycut's ratio to
# DuckDB's whole process and to its query alone (the issue's target: at most 2.5x the query).
#
#   bench/parquet/parquet_vs_duckdb.sh [RUNS] [OBJECTS]      (defaults: 5 runs, 10000000 objects)
#
# The catalogues (id, ra, dec, mag; snappy, written by DuckDB) and 50,000 stars are made once in
# bench-results/parquet/ and reused. DuckDB runs through its JDBC driver, the one the CLI's tests use
# (org.duckdb:duckdb_jdbc in ~/.m2, fetched by `mvn -B verify`): its whole-process time includes a
# JVM start, so its query time alone is printed too.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
objects=${2:-10000000}
dir=bench-results/parquet
mkdir -p "$dir"
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[ -x "$java" ] || java=$(ls -d /usr/lib/jvm/*25*/bin/java | head -1)
duck=$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | sort -V | tail -1)
sql() { "$java" --enable-native-access=ALL-UNNAMED -cp "$duck" bench/parquet/DuckDb.java 2 "$@"; }
in="$dir/objects-$objects.parquet"
if [ ! -f "$in" ]; then
  sql "COPY (SELECT i AS id, random() * 360 AS ra, degrees(asin(2 * random() - 1)) AS dec, 18 + 8 * random() AS mag
        FROM range($objects) t(i)) TO '$in.tmp' (FORMAT parquet, COMPRESSION snappy)" && mv "$in.tmp" "$in"
fi
stars="$dir/stars-50000.parquet"
if [ ! -f "$stars" ]; then
  sql "COPY (SELECT i AS id, random() * 360 AS ra, degrees(asin(2 * random() - 1)) AS dec
        FROM range(50000) t(i)) TO '$stars.tmp' (FORMAT parquet)" && mv "$stars.tmp" "$stars"
fi
./skycut --version >/dev/null   # builds the tool first if needed
now() { date +%s.%N; }
s=(); d=(); q=()
for r in $(seq "$runs"); do
  rm -f "$dir/kept.parquet" "$dir/copy.parquet"
  t0=$(now); ./skycut cut --objects "$in" --contaminants "$stars" --radius 1arcmin --output "$dir/kept.parquet" --quiet; t1=$(now)
  sql "COPY (SELECT * FROM '$in') TO '$dir/copy.parquet' (FORMAT parquet)" 2>"$dir/duckdb.log"; t2=$(now)
  a=$(echo "$t1 - $t0" | bc); b=$(echo "$t2 - $t1" | bc)
  c=$(tail -1 "$dir/duckdb.log" | sed -n 's/.*: \([0-9.]*\) s in the query.*/\1/p')
  s+=("$a"); d+=("$b"); q+=("$c")
  printf 'run %d: skycut %.2f s, duckdb %.2f s (%s s in the query), ratios %.2f and %.2f\n' "$r" "$a" "$b" "$c" \
    "$(echo "$a / $b" | bc -l)" "$(echo "$a / $c" | bc -l)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ms=$(median "${s[@]}"); md=$(median "${d[@]}"); mq=$(median "${q[@]}")
printf 'medians of %d runs: skycut %.2f s, duckdb %.2f s (its query %.3f s): skycut takes %.2fx the time of DuckDB'"'"'s process, %.2fx the time of its query\n' \
  "$runs" "$ms" "$md" "$mq" "$(echo "$ms / $md" | bc -l)" "$(echo "$ms / $mq" | bc -l)"
printf 'sizes: in %s, skycut kept %s, duckdb copy %s\n' "$(du -h "$in" | cut -f1)" "$(du -h "$dir/kept.parquet" | cut -f1)" "$(du -h "$dir/copy.parquet" | cut -f1)"
