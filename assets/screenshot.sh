#!/usr/bin/env bash
# screenshot.sh BINARY [OUTDIR]: runs the Framelens window under Xvfb, once
# in the light and once in the dark theme, with the bundled sample case
# open, and writes OUTDIR/main-light.png and OUTDIR/main-dark.png
# (OUTDIR defaults to screenshots). Needs xvfb-run and ImageMagick's import.
set -euo pipefail

bin=${1:?usage: screenshot.sh path/to/framelens [outdir]}
out=${2:-screenshots}
wait_s=${SCREENSHOT_WAIT:-5}
mkdir -p "$out"

# A fresh library in a temporary folder: the window opens the sample case and
# the analyst's own library is left alone.
lib=$(mktemp -d)
trap 'rm -rf "$lib"' EXIT

for theme in light dark; do
	log=$(mktemp)
	rm -f "$lib"/library.db*
	xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
		bin=$1 theme=$2 png=$3 wait_s=$4 log=$5 lib=$6
		LANG=en_US.UTF-8 "$bin" --theme "$theme" --library "$lib/library.db" >"$log" 2>&1 &
		pid=$!
		sleep "$wait_s"
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "screenshot.sh: framelens exited early:" >&2
			cat "$log" >&2
			exit 1
		fi
		# The window opens at 1280x800 in the top left corner (no window
		# manager runs under Xvfb).
		import -window root -crop 1280x800+0+0 +repage "$png"
		kill "$pid"
		wait "$pid" 2>/dev/null || true
	' _ "$bin" "$theme" "$out/main-$theme.png" "$wait_s" "$log" "$lib"
	rm -f "$log"
	echo "wrote $out/main-$theme.png"
done
