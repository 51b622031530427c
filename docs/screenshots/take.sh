#!/usr/bin/env bash
# Retakes docs/screenshots/*.png: the real window on an Xvfb display at 1280x800, over a day of
# fictional participants (org.lantir.ui.ScreenshotTour). Needs Xvfb and GTK 3:
#   apt-get install -y xvfb libgtk-3-0
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -B -q -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test

display=":${LANTIR_SCREENSHOT_DISPLAY:-77}"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
xvfb=$!
trap 'kill "$xvfb"' EXIT
sleep 1

DISPLAY="$display" java -Dprism.order=sw \
    -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    org.lantir.ui.ScreenshotTour docs/screenshots
