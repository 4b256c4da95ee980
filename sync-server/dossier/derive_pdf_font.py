#!/usr/bin/python3
"""Derives the dossier's PDF font from Noto Sans CJK SC so that text copied or searched in the
PDF is the text that was drawn (issue 11).

Why: Qt's PDF writer (QPdfWriter, Qt 6.4) writes each embedded font's ToUnicode map by asking
the font, for every code point from U+0000 up, which glyph it maps to, and keeps the FIRST code
point found for each glyph (QFontSubset::getReverseMap). Noto Sans CJK maps the Kangxi radicals
(U+2F00..) and CJK radicals supplement (U+2E80..) to the same glyphs as the common ideographs,
and those code points are lower, so 一 户 山 面 页 came out of pdftotext as ⼀ ⼾ ⼭ ⾯ ⻚. The space
glyph came out as TAB, because Qt draws a tab with the space glyph when the font has none.

What: a copy of one face of the collection whose cmap maps each glyph from the code point people
type: for a glyph shared by several code points, every code point below the one we keep is
dropped when it is a radical / kanbun / stroke form or a compatibility twin (NFKC) of another
code point of the same glyph. TAB is mapped to an unmapped blank glyph of the font, so it no
longer borrows the space glyph. Outlines, metrics and layout tables are untouched. The family
is renamed ("Anju Sans CJK SC"): a modified font must not carry the original's name, and the
system's Noto stays usable beside it. Licence: SIL OFL 1.1, as the original.

Usage: derive_pdf_font.py COLLECTION.ttc OUT.otf
"""
import sys
import unicodedata
from collections import defaultdict

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTCollection, TTFont

FAMILY = "Noto Sans CJK SC"
NEW_FAMILY = "Anju Sans CJK SC"
# A blank glyph no code point maps to in Noto Sans CJK 2.004 (Debian 12); checked below, and
# searched for if a later font version moved it.
TAB_GLYPH_HINT = "cid63108"


def face_index(path):
    collection = TTCollection(path, lazy=True)
    for i, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == FAMILY:
            return i
    sys.exit(f"derive_pdf_font: no face '{FAMILY}' in {path}")


def is_alias(cp, sharing):
    """A code point that only duplicates another of the same glyph (the one people type)."""
    if 0x2E80 <= cp <= 0x2FDF or 0x3190 <= cp <= 0x319F or 0x31C0 <= cp <= 0x31EF:
        return True
    folded = unicodedata.normalize("NFKC", chr(cp))
    return len(folded) == 1 and ord(folded) != cp and ord(folded) in sharing


def blank_unmapped(font, glyph, mapped):
    if glyph in mapped or glyph not in font.getGlyphSet():
        return False
    pen = BoundsPen(font.getGlyphSet())
    font.getGlyphSet()[glyph].draw(pen)
    return pen.bounds is None and font["hmtx"][glyph][0] > 0


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: derive_pdf_font.py COLLECTION.ttc OUT.otf")
    src, out = sys.argv[1], sys.argv[2]
    # recalcBBoxes=False: nothing but cmap and name changes, so the CFF outlines are copied as
    # they are (recompiling 65 535 glyphs would take minutes).
    font = TTFont(src, fontNumber=face_index(src), lazy=True, recalcBBoxes=False,
                  recalcTimestamp=False)
    best = font.getBestCmap()
    by_glyph = defaultdict(set)
    for cp, glyph in best.items():
        by_glyph[glyph].add(cp)
    drop = set()
    for cps in by_glyph.values():
        if len(cps) < 2:
            continue
        keep = [cp for cp in cps if not is_alias(cp, cps)]
        if keep:
            drop |= {cp for cp in cps if cp < min(keep)}

    mapped = set(best.values())
    tab_glyph = TAB_GLYPH_HINT
    if not blank_unmapped(font, tab_glyph, mapped):
        tab_glyph = next((g for g in font.getGlyphOrder()
                          if g != ".notdef" and blank_unmapped(font, g, mapped)), None)
    for table in font["cmap"].tables:
        if not table.isUnicode():
            continue
        for cp in drop:
            table.cmap.pop(cp, None)
        if tab_glyph and 0x09 not in table.cmap:
            table.cmap[0x09] = tab_glyph

    style = font["name"].getDebugName(2) or "Regular"
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = NEW_FAMILY
        elif record.nameID == 4:
            record.string = NEW_FAMILY + ("" if style == "Regular" else " " + style)
        elif record.nameID in (3, 6):
            record.string = "AnjuSansCJKsc-" + style
    font.save(out)
    print(f"derive_pdf_font: {out}: {len(drop)} alias code points dropped, TAB -> {tab_glyph}")


if __name__ == "__main__":
    main()
