#!/usr/bin/python3
"""Builds the owner notice's PDF font from Noto Sans CJK SC (fonts-noto-cjk).

Qt 6.4 writes a PDF's text layer (ToUnicode) by mapping each glyph back to the LOWEST code point
that uses it. Noto CJK gives the Kangxi radicals (U+2F00..U+2FDF) and the CJK radicals supplement
(U+2E80..U+2EFF) the same glyphs as the ideographs (一 U+4E00 and ⼀ U+2F00 share one glyph), so
pdftotext of a Qt PDF reads "⼀层" instead of "一层", and search and copy fail. This script drops
those radical code points from the font's cmap (the glyphs stay), so every glyph maps back to its
ideograph, and renames the family so it never shadows the system font.

Usage: make_notice_font.py <NotoSansCJK-Regular.ttc> <output.otf>   (python3-fonttools)
"""
import sys

from fontTools.ttLib import TTCollection

FAMILY = "Anju Notice Sans SC"


def main(source, output):
    fonts = TTCollection(source).fonts
    font = next(f for f in fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    for table in font["cmap"].tables:
        for code in [c for c in table.cmap if 0x2E80 <= c <= 0x2FDF]:
            del table.cmap[code]
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = FAMILY + " Regular"
        elif record.nameID == 6:
            record.string = "AnjuNoticeSansSC-Regular"
    font.save(output)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
