#!/usr/bin/env bash
# Runs every user-path benchmark that docs/benchmarks.md quotes, one after another, each with its
# LangChain4j peer and its physical reference in the same JMH run. Results go to the folder given
# as the first argument (default: benchmark-results), one text file per group, with the load
# average before each group. Build the jar first:
#   ./mvnw -B -q -pl benchmarks -am package -DskipTests
set -euo pipefail
out="${1:-benchmark-results}"
jar="$(dirname "$0")/target/benchmarks.jar"
mkdir -p "$out"
only="${2:-}" # optional: a regex of group names to run, e.g. 'flat|hnsw'

run() {
  local name="$1"; shift
  if [[ -n "$only" && ! "$name" =~ ^($only)$ ]]; then return; fi
  { echo "# $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"; echo "# $*"; } > "$out/$name.txt"
  "$@" >> "$out/$name.txt" 2>&1 || echo "# FAILED with exit code $?" >> "$out/$name.txt"
  echo "# done $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/$name.txt"
}

run splitting java -jar "$jar" 'DocumentSplitBenchmark|TokenCountBenchmark' -p corpusMb=2 -f 1 -wi 1 -i 3 -w 3s -r 3s
run messages java -jar "$jar" 'MessageJsonBenchmark|HistoryStoreJsonBenchmark' -f 1 -wi 5 -i 5 -w 2s -r 3s -prof gc
# the codec rows again in three JVMs: their compiled code, and so their time, differs from one JVM to the next
run messages-f3 java -jar "$jar" 'MessageJsonBenchmark' -f 3 -wi 3 -i 5 -w 2s -r 2s
run bm25 java -jar "$jar" Bm25Benchmark -f 1 -wi 1 -i 3 -w 2s -r 2s
run others java -jar "$jar" 'VectorAddBenchmark|PromptFormatBenchmark.(catenaFormat|langchain4jApply)|TokenWindowMemoryBenchmark|ResponseCacheBenchmark' -f 1 -wi 2 -i 3 -w 2s -r 2s
run flat java -jar "$jar" FlatSearchBenchmark -p size=100000,1000000 -f 1 -wi 1 -i 3 -w 2s -r 2s
run recall-100k java -Xmx7g -cp "$jar" dev.catena.benchmarks.vectors.QuantisedRecall 100000 1,2,4,8
run recall-1m java -Xmx7g -cp "$jar" dev.catena.benchmarks.vectors.QuantisedRecall 1000000 1,2,4,8
run hnsw java -jar "$jar" 'HnswBuildBenchmark|HnswSearchBenchmark' -p buildSize=10000 -p size=20000 -p candidates=100,800 -p beamWidth=32,100 -f 1
# HNSW bulk indexing on JDK 17 and, when JDK25_HOME names a JDK 25, there with Lucene's SIMD code switched on
run hnsw-build-jdk17 java -jar "$jar" 'HnswBuildBenchmark.catenaBulkLoad' -p buildSize=10000 -p data=clustered -p beamWidth=32,100 -f 1 -i 2
simd="--add-modules=jdk.incubator.vector -Dorg.apache.lucene.vectorization.upperJavaFeatureVersion=26"
if [[ -n "${JDK25_HOME:-}" ]]; then
  run hnsw-build-jdk25 "$JDK25_HOME/bin/java" $simd -jar "$jar" 'HnswBuildBenchmark.catenaBulkLoad' -p buildSize=10000 \
    -p data=clustered -p beamWidth=32,100 -f 1 -i 2 -jvmArgsAppend "$simd"
fi
# HNSW over 1,000,000 clustered vectors at beam width 32: the first command builds the index (about 15 minutes)
# into the temporary folder and searches on one thread, the second reuses it on two threads
run hnsw-1m-t1 java -jar "$jar" 'HnswSearchBenchmark.(luceneHnswTop10|plainScanTop10TwoThreads)' -p size=1000000 -p data=clustered -p candidates=200 -p m=16 -p beamWidth=32 -jvmArgsAppend '-Xms9g -Xmx9g' -f 1 -wi 1 -i 3 -w 2s -r 3s -t 1
run hnsw-1m-t2 java -jar "$jar" 'HnswSearchBenchmark.luceneHnswTop10' -p size=1000000 -p data=clustered -p candidates=200 -p m=16 -p beamWidth=32 -jvmArgsAppend '-Xms9g -Xmx9g' -f 1 -wi 1 -i 3 -w 2s -r 3s -t 2
# the defaults' beam width (100) at 1,000,000 vectors: build through the public API, recall at 200 and 800 candidates
run hnsw-1m-b100 java -jar "$jar" 'HnswSearchBenchmark.luceneHnswTop10' -p size=1000000 -p data=clustered -p candidates=200,800 -p m=16 -p beamWidth=100 -jvmArgsAppend '-Xms9g -Xmx9g' -f 1 -wi 1 -i 3 -w 2s -r 3s -t 1
