"""Link-preview cards: a 1200 by 630 PNG per page with the site name, the page's title and a short text.

Plain Python (Pillow), so any builder can call it. Drawing takes tens of milliseconds a card, so each card is
kept in a cache folder under a hash of everything that decides its pixels, and is drawn only when that
changes.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fontpkg_atkinson_hyperlegible as font_package
from PIL import Image, ImageDraw, ImageFont

from . import files

WIDTH, HEIGHT = 1200, 630  # the size Open Graph consumers crop least (1.91:1)
MARGIN = 72
ELLIPSIS = "…"

THEME_CSS = Path(__file__).resolve().parent.parent / "docs" / "assets" / "stylesheets" / "theme.css"
TEXT = "#222222"  # Material's body text is a translucent black; a card has no page behind it to blend with


def theme_colour(name: str) -> str:
    """A colour of the light scheme, read from the site's stylesheet, the one place the palette is written."""
    light = THEME_CSS.read_text().split("}", 1)[0]  # the first block, `:root > *`, is the light scheme
    if match := re.search(rf"--md-{re.escape(name)}:\s*(#[0-9a-fA-F]{{6}})\s*;", light):
        return match.group(1)
    raise ValueError(f"{THEME_CSS.name} sets no --md-{name} colour in its first block")


# The header's colour, its dark shade, the header text and the accent.
PRIMARY, PRIMARY_DARK = theme_colour("primary-fg-color"), theme_colour("primary-fg-color--dark")
BACKGROUND, ACCENT = theme_colour("primary-bg-color"), theme_colour("accent-fg-color")

# Sizes chosen so that, shrunk to a 300-pixel-wide chat preview, the title is about 15 px tall and the text 11 px.
BAND_HEIGHT, SITE_SIZE = 120, 42
TITLE_SIZE, TITLE_LINES, TITLE_LEADING = 62, 3, 74
TEXT_SIZE, TEXT_LEADING = 44, 58
RULE = 14  # the accent bar along the bottom edge


@dataclass(frozen=True)
class Card:
    site: str   # the site name, in the band at the top
    title: str  # the page title or the question
    text: str   # the short answer or the page description, cut to fit


def for_page(site: str, title: str, meta: dict) -> Card:
    """A page's card: the `card` title and text of its front matter where given, else its title and description
    (`title` is the page's title in the navigation, used when the front matter has none)."""
    given = meta.get("card", {})
    return Card(site, given.get("title", meta.get("title", title)), given.get("text", meta.get("description", "")))


@dataclass(frozen=True)
class Layout:
    title: list[str]
    text: list[str]


@cache
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_package.ROOT / "files" / f"AtkinsonHyperlegible-{weight}.ttf"), size)


def _fonts():
    return _font("Bold", SITE_SIZE), _font("Bold", TITLE_SIZE), _font("Regular", TEXT_SIZE)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap into at most `max_lines` lines; text that does not fit ends at a word with an ellipsis."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and font.getlength(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        last = lines[-1].split()
        while len(last) > 1 and font.getlength(" ".join(last) + ELLIPSIS) > width:
            last.pop()
        lines[-1] = " ".join(last).rstrip(",;:") + ELLIPSIS
    return lines


def layout(card: Card) -> Layout:
    _, title_font, text_font = _fonts()
    width = WIDTH - 2 * MARGIN
    title = wrap(card.title, title_font, width, TITLE_LINES)
    # A line fits when its letters, not its leading, end above the bottom margin.
    room = HEIGHT - RULE - MARGIN // 2 - _text_top(len(title)) - TEXT_SIZE
    return Layout(title, wrap(card.text, text_font, width, 1 + room // TEXT_LEADING))


def _text_top(title_lines: int) -> int:
    return BAND_HEIGHT + MARGIN * 2 // 3 + title_lines * TITLE_LEADING + 28


def alt(card: Card) -> str:
    """The text of the card as drawn, for the image's alt text."""
    drawn = layout(card)
    return f"{card.site}. {' '.join(drawn.title)} {' '.join(drawn.text)}".strip()


def missing_glyphs(text: str) -> list[str]:
    """Characters the font has no glyph for: they would show as empty boxes."""
    _, title_font, text_font = _fonts()
    missing = set()
    for font in (title_font, text_font):
        notdef = bytes(font.getmask("\ue000"))  # a private-use code point, drawn as the font's "no glyph" box
        missing |= {c for c in set(text) if not c.isspace() and bytes(font.getmask(c)) == notdef}
    return sorted(missing)


def draw(card: Card) -> Image.Image:
    site_font, title_font, text_font = _fonts()
    drawn = layout(card)
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH, BAND_HEIGHT), fill=PRIMARY)
    pen.text((MARGIN, BAND_HEIGHT // 2), card.site, font=site_font, fill=BACKGROUND, anchor="lm")
    y = BAND_HEIGHT + MARGIN * 2 // 3
    for line in drawn.title:
        pen.text((MARGIN, y), line, font=title_font, fill=PRIMARY_DARK, anchor="la")
        y += TITLE_LEADING
    y = _text_top(len(drawn.title))
    for line in drawn.text:
        pen.text((MARGIN, y), line, font=text_font, fill=TEXT, anchor="la")
        y += TEXT_LEADING
    pen.rectangle((0, HEIGHT - RULE, WIDTH, HEIGHT), fill=ACCENT)
    return image


@cache
def _drawing_version() -> str:
    """What changes every card's pixels: this module, the palette and the font files."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + "".join((PRIMARY, PRIMARY_DARK, BACKGROUND, ACCENT)).encode())
    for path in sorted((font_package.ROOT / "files").glob("*.ttf")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cached(card: Card, cache_dir: Path) -> Path:
    """The card's PNG in `cache_dir`, drawn only if no card with the same text was drawn before."""
    key = hashlib.sha256("\0".join((_drawing_version(), card.site, card.title, card.text)).encode()).hexdigest()
    path = cache_dir / f"{key[:32]}.png"
    if not path.exists():
        if missing := missing_glyphs(card.site + card.title + card.text):
            raise ValueError(f"the card font has no glyph for {', '.join(missing)}: write the text without them")
        png = io.BytesIO()
        # 32 colours keep the anti-aliased edges and make the file a third of the size (about 26 KB); the fast
        # octree method takes a tenth of the time of Pillow's default.
        draw(card).quantize(32, method=Image.Quantize.FASTOCTREE).save(png, format="PNG")
        files.write_whole(path, png.getvalue(), cache_dir)  # a build stopped half-way leaves no broken card
    return path


def publish(card: Card, cache_dir: Path, dest: Path) -> Path:
    """Copy the card's PNG (drawn if needed) to `dest`; returns the cached file used."""
    source = cached(card, cache_dir)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, dest)
    return source


def prune(cache_dir: Path, used: set[Path]) -> None:
    """Forget cards no page uses any more, so the cache does not grow with every edit."""
    for path in cache_dir.glob("*.png"):
        if path not in used:
            path.unlink()
