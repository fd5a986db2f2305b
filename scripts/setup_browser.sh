#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests and PNG export, where we can.
# Never fatal: without a browser those tests skip and say why.
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium (Debian package) for browser tests ..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "Could not install chromium: browser tests will be skipped."
else
  echo "No chromium and no root apt-get: browser tests will be skipped (install chromium to run them)."
fi
exit 0
