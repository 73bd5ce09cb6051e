#!/usr/bin/env bash
# Regenerates the bundled Noto Sans CJK SC subsets in this folder.
# Not run by the build: the .otf files are committed. Run by hand when the character
# set or the data changes, then commit charset.txt and both .otf files together.
#
# Needs (Debian/Ubuntu):  apt-get install -y fonts-noto-cjk fonttools
#   fonts-noto-cjk  -> /usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc
#   fonttools       -> pyftsubset and the fontTools module for /usr/bin/python3
#
# Usage:  bash assets/fonts/subset.sh [EXTRA_FILE ...]      (from anywhere)
#   Characters come from fixed ranges + GB2312 + Big5 level 1 (see step 1), plus every
#   character of these text files:
#     - shared/data/gd-services-2021.json, shared/data/national-themes.json and parts/*.json,
#       looked for beside the repository (../shared, ../parts), else under /work;
#     - the project's own sources: src/main/**/*.{java,json,fxml,css,properties};
#     - EXTRA_FILE arguments (e.g. a new demo catalog JSON);
#     - the 繁體 conversion of all of these (Traditional.java, with opencc4j from the build: needs mvn and java).
#   env:  SRC_DIR  folder with the .ttc files (default /usr/share/fonts/opentype/noto)
#         PYTHON   python with fontTools (default /usr/bin/python3, Debian's)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SRC_DIR="${SRC_DIR:-/usr/share/fonts/opentype/noto}"
PYTHON="${PYTHON:-/usr/bin/python3}"

BASE="$ROOT/.."
[ -d "$BASE/shared/data" ] || BASE=/work
DATA_FILES=()
for f in "$BASE/shared/data/gd-services-2021.json" "$BASE/shared/data/national-themes.json" \
         "$BASE"/parts/*.json; do
  [ -f "$f" ] && DATA_FILES+=("$f")
done
if [ -d "$ROOT/src/main" ]; then
  while IFS= read -r -d '' f; do DATA_FILES+=("$f"); done < <(find "$ROOT/src/main" -type f \
    \( -name '*.java' -o -name '*.json' -o -name '*.fxml' -o -name '*.css' -o -name '*.properties' \) -print0 | sort -z)
fi
DATA_FILES+=("$@")

# 0. 繁體: the kiosk converts simplified text as it shows it (opencc4j, Hong Kong forms), so the characters that
#    conversion makes of every file above are needed too. The converter comes from the project's own build.
CP_FILE="$(mktemp)"
TRAD_FILE="$(mktemp --suffix=-traditional.txt)"
trap 'rm -f "$CP_FILE" "$TRAD_FILE"' EXIT
(cd "$ROOT" && mvn -q -o dependency:build-classpath -Dmdep.includeGroupIds=com.github.houbb -Dmdep.outputFile="$CP_FILE")
java -cp "$(cat "$CP_FILE")" "$HERE/Traditional.java" "$TRAD_FILE" "${DATA_FILES[@]}"
DATA_FILES+=("$TRAD_FILE")
echo "characters also taken from ${#DATA_FILES[@]} files:" >&2
printf '  %s\n' "${DATA_FILES[@]}" >&2

# Face index of "Noto Sans CJK SC" inside the .ttc collections (0 JP, 1 KR, 2 SC, 3 TC, 4 HK, ...).
# Checked below, so a reordered collection fails loudly instead of shipping the wrong face.
FONT_NUMBER=2

# OpenType layout features kept. 'vert'/'vrt2' (vertical forms) are tiny; 'kern'/'palt'
# are optional (proportional CJK punctuation / Latin kerning). NOT 'locl' or '*': the
# locl lookups pull in the JP/KR/TC/HK glyph variants of thousands of hanzi
# (measured for Regular: '*' -> 18,808 glyphs / 4.19 MB; this list -> 9,977 glyphs / 2.21 MB).
LAYOUT_FEATURES="${LAYOUT_FEATURES:-kern,palt,vert,vrt2,liga,ccmp}"

# 1. character set -> charset.txt (UTF-8, the characters themselves, 64 per line, by code point)
"$PYTHON" - "$HERE/charset.txt" "${DATA_FILES[@]}" <<'PY'
import sys, unicodedata
out, data_files = sys.argv[1], sys.argv[2:]
chars = set()
def add_range(a, b):
    for cp in range(a, b + 1):
        chars.add(chr(cp))
add_range(0x20, 0x7E)      # ASCII printable
add_range(0xA0, 0xFF)      # Latin-1 printable
add_range(0x2000, 0x206F)  # General Punctuation
add_range(0x2150, 0x218F)  # Number Forms (Ⅰ Ⅱ Ⅲ ...)
add_range(0x2190, 0x21FF)  # Arrows
add_range(0x2460, 0x24FF)  # Enclosed Alphanumerics (① ② ...)
add_range(0x2500, 0x257F)  # Box Drawing
add_range(0x25A0, 0x25FF)  # Geometric Shapes
add_range(0x3000, 0x303F)  # CJK Symbols and Punctuation
add_range(0xFF00, 0xFFEF)  # Halfwidth and Fullwidth Forms
for hi in range(0xB0, 0xF8):            # GB2312 hanzi (levels 1 and 2)
    for lo in range(0xA1, 0xFF):
        try: chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError: pass
for hi in range(0xA4, 0xC7):            # Big5 level-1 (common traditional) hanzi
    for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
        try: chars.add(bytes([hi, lo]).decode('big5'))
        except UnicodeDecodeError: pass
for path in data_files:
    with open(path, encoding='utf-8') as f:
        chars |= set(f.read())
# Drop what is not a character to draw: controls, line/paragraph separators (they would
# break charset.txt's lines), surrogates, private use, unassigned code points.
chars = sorted(c for c in chars if unicodedata.category(c) not in ('Cc', 'Cs', 'Co', 'Cn', 'Zl', 'Zp'))
with open(out, 'w', encoding='utf-8', newline='\n') as f:
    for i in range(0, len(chars), 64):
        f.write(''.join(chars[i:i + 64]) + '\n')
print(f'charset.txt: {len(chars)} characters', file=sys.stderr)
PY

# 2. check the face, then subset Regular and Bold
for style in Regular Bold; do
  src="$SRC_DIR/NotoSansCJK-$style.ttc"
  "$PYTHON" - "$src" "$FONT_NUMBER" "$style" <<'PY'
import sys
from fontTools.ttLib import TTFont
t = TTFont(sys.argv[1], fontNumber=int(sys.argv[2]), lazy=True)
fam, sub = t['name'].getDebugName(1), t['name'].getDebugName(2)
if (fam, sub) != ('Noto Sans CJK SC', sys.argv[3]):
    sys.exit(f'{sys.argv[1]}#{sys.argv[2]} is "{fam} {sub}", not "Noto Sans CJK SC {sys.argv[3]}"')
PY
  # charset.txt's newlines (U+000A) are not in the font's cmap: harmless.
  pyftsubset "$src" --font-number="$FONT_NUMBER" \
    --text-file="$HERE/charset.txt" \
    --layout-features="$LAYOUT_FEATURES" \
    --no-hinting \
    --name-IDs='*' --name-languages='*' --name-legacy \
    --notdef-outline \
    --output-file="$HERE/NotoSansCJKsc-$style-subset.otf"
  echo "assets/fonts/NotoSansCJKsc-$style-subset.otf: $(stat -c %s "$HERE/NotoSansCJKsc-$style-subset.otf") bytes" >&2
done
