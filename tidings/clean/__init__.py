"""Clean stage: turn scraped text into the text every offset refers to.

Scrapers hand us hard-wrapped lines (a newline every 60-80 characters, even
inside a name), promo and navigation lines ("Also Read: ...", "Click here to
subscribe"), share bars, photo captions, byline and timestamp lines ("By Jane
Doe, Reuters", "Updated: 5 March 2024"), curly quotes and ragged whitespace.
spaCy parses a wrapped sentence as several, so the wraps must be mended before
anything else runs. Dropped lines are kept in ``article.removed``; a byline
becomes ``article.author`` and a timestamp line the publication date when the
input gave none. ``article.raw`` keeps the text as it came.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tidings.model import Article, Context, Span

# A line that starts like this is site furniture, not article text.
PROMO_RE = re.compile(
    r"""^\s*(?:
        also\s+read|read\s+more|read\s+also|see\s+also|must\s+read|related(?:\s+(?:stories|articles|news))?|
        recommended(?:\s+for\s+you)?|trending(?:\s+now)?|watch(?:\s+now|\s+video)?|more\s+on\s+this|
        click\s+here|subscribe\b|sign\s+up|follow\s+us|share\s+(?:this|on|via)|advertisement|
        (?:we\s+use\s+)?cookies?\b|download\s+(?:our|the)\s+app|don't\s+miss|top\s+stories
    )(?![\w'])\s*[:|>»\-–—]?""",
    re.IGNORECASE | re.VERBOSE,
)
# Whole-line share bars and bylines-without-sentence ("Share | Tweet | Email").
SHARE_BAR_RE = re.compile(
    r"^\s*(?:(?:share|tweet|email|facebook|twitter|whatsapp|linkedin|print)\s*[|·•/]?\s*){2,}$", re.IGNORECASE
)
# "By Jane Doe", "By Jane Doe and Ali Khan, Reuters", "Written by J. R. Smith | Staff writer".
_NAME = r"[A-Z][\w.'\-]*(?:\s+(?:[A-Z][\w.'\-]*|de|van|von|der|al|bin|da|del|la|le|di)){1,4}"
BYLINE_RE = re.compile(  # case matters in the names ("By the time ..." is a sentence), not in "by"
    rf"^\s*(?i:by|written\s+by|words\s+by|story\s+by)\s*:?\s+(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
    r"(?:\s*[,|/\u2013\u2014-]\s*(?P<org>(?:[A-Z][\w.&'\-]*|and|of|the)(?:\s+(?:[A-Z][\w.&'\-]*|and|of|the)){0,5}))?"
    r"\s*$"
)
# Wire credit lines at the end of a story: "Reporting by ...; Editing by ...".
CREDIT_RE = re.compile(
    r"^\s*\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by\b[^\n]{0,200}$", re.IGNORECASE
)
# Photo captions: a label at the start, or a photo credit at the end of a short line.
CAPTION_RE = re.compile(
    r"""^\s*(?:
        (?:file\s+)?photo(?:graph)?\s*[:|]|image(?:\s+(?:caption|copyright|source))?\s*[:|]|picture\s*[:|]|
        media\s+caption|image\s+caption|caption\s*[:|]|\(?(?:photo|image|picture)\s+(?:by|credit|courtesy)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
PHOTO_CREDIT_RE = re.compile(
    r"(?:\((?:AP|AFP|EPA|Reuters)\s+Photo\b[^)]*\)|\(Photo(?:graph)?:?\s+(?:by\s+)?[^)]{1,80}\)"
    r"|\b[A-Z][\w.' -]{1,40}/(?:Getty\s+Images|Reuters|REUTERS|AFP|AP|EPA(?:-EFE)?|Shutterstock|Bloomberg)\b[^.]{0,40}"
    r"|\b(?:REUTERS|Reuters|AFP|AP|EPA|Getty\s+Images)/[A-Z][\w.' -]{1,40})"
    r"\s*\)?\s*$"
)
# "Published: 10:42 AM, March 5, 2024", "Updated 5 March 2024", "Last updated on Mar 5, 2024 at 3pm".
STAMP_RE = re.compile(
    r"^\s*(?:published|updated|last\s+updated|posted|first\s+published|date)(?:\s+on)?\s*:?\s+"
    r"(?P<when>(?=[^\n]*\d)[^\n.!?]{4,60}?)\s*$",
    re.IGNORECASE,
)
# Correction and editor's notes on a line of their own: "Editor's note: ...", "Correction: An earlier
# version of this story ...", "This article has been updated to ...".
NOTE_RE = re.compile(
    r"""^\s*\(?(?:
        (?:editor'?s'?|editors'|note\s+to\s+(?:editors|readers)|correction|clarification)(?:\s+note)?\s*[:\-–—]|
        (?:this|the)\s+(?:story|article|report|piece)\s+(?:has\s+been|was|is)\s+(?:corrected|updated|amended|changed)\b|
        an\s+earlier\s+version\s+of\s+this\s+(?:story|article|report|piece)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A wire's correction or update tag opening a line, before the story itself on the same line:
# "(Corrects paragraph 7 to fix the minister's name) WASHINGTON (Reuters) - ...".
WIRE_TAG_RE = re.compile(
    r"^\s*\((?:corrects?|correcting|updates?|updated|adds|recasts|refiles|rewrites|changes|fixes|clarifies|"
    r"removes|inserts|repeats|deletes|amends|restores)\b[^()]{0,300}\)\s*",
    re.IGNORECASE,
)
# A photo credit alone on a line: "Felipe Dana - staff, AP", "Jane Doe / Reuters", "Pool via AP".
AGENCY = (
    r"(?:AP|AFP|Reuters|REUTERS|EPA(?:-EFE)?|Getty\s+Images|Bloomberg|Shutterstock|Xinhua|Anadolu|NurPhoto|"
    r"SOPA\s+Images|Sipa|Alamy|PA(?:\s+Wire)?|The\s+Associated\s+Press|Associated\s+Press|TASS|"
    r"[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3}\s+via\s+(?:Getty\s+Images|AP|Reuters))"
)
CREDIT_LINE_RE = re.compile(
    rf"^\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,4}}\s*[-–—/|,]\s*)?"
    r"(?:(?:staff(?:\s+photographer)?|contributor|photographer|pool|file|handout|stringer|"
    r"special\s+to\s+[\w ]{2,30})\s*[,/]?\s*)?"
    rf"{AGENCY}\s*\.?\s*$"
)
# A live blog's time stamp alone on a line: "10:42 a.m. ET", "14:05 GMT", "2 hours ago", "3:15pm, March 5".
LIVE_STAMP_RE = re.compile(
    r"^\s*(?:(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s*(?:[A-Z]{2,4}|GMT|UTC|ET|CT|PT))?"
    r"(?:\s*[,|·•–—-]?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?))?"
    r"|\d{1,3}\s+(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?)\s+ago)\s*$",
)
TERMINAL_RE = re.compile(r"""[.!?:;]["')\]]?\s*$|["”]\s*$""")
QUOTE_MAP = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00a0": " ",
        "\u2009": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)
DOUBLED_QUOTE_RE = re.compile(r"(?<!')''(?!')|``")
# "MINSK, Aug. 16 (Reuters) - " or "KYIV (AP) —" at the very start of the text.
DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}?)?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    # "(Reuters) -", "-", or "(AP)" alone: some wires put no dash after the agency.
    r"\s*(?:\((?P<agency>[^)]{1,40})\)\s*[-–—]*|[-–—]+)\s+"
)


@dataclass(frozen=True, slots=True)
class CleanResult:
    text: str
    removed: list[str]
    dateline: Span | None
    byline: str | None = None  # the author(s) of a "By ..." line
    stamp: str | None = None  # the date part of a "Published: ..." line, as written
    corrections: list[str] = field(default_factory=list)  # correction and editor's notes, as written


def is_promo(line: str) -> bool:
    """True for a promo, related-links or share line that is no part of the story."""
    return bool(PROMO_RE.match(line) or SHARE_BAR_RE.match(line))


def furniture(line: str) -> str | None:
    """What kind of non-story line this is (promo, note, byline, credit, caption, stamp), or None."""
    if is_promo(line):
        return "promo"
    if NOTE_RE.match(line) and len(line) <= 600:
        return "note"
    if len(line) > 300:
        return None
    if LIVE_STAMP_RE.match(line) and any(c.isdigit() for c in line):
        return "stamp"
    if len(line) <= 100 and CREDIT_LINE_RE.match(line):
        return "caption"
    if BYLINE_RE.match(line) and len(line) <= 120:
        return "byline"
    if CREDIT_RE.match(line):
        return "credit"
    if CAPTION_RE.match(line) or PHOTO_CREDIT_RE.search(line):
        return "caption"
    if STAMP_RE.match(line):
        return "stamp"
    return None


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Group lines into paragraphs.

    With blank lines in the text they are the paragraph breaks and every single
    newline is a wrap. Without any, a line ending a sentence ends a paragraph
    when most lines do (one paragraph per line); otherwise lines are wraps.
    """
    if any(not ln.strip() for ln in lines):
        paras: list[list[str]] = [[]]
        for ln in lines:
            if ln.strip():
                paras[-1].append(ln)
            elif paras[-1]:
                paras.append([])
        return [p for p in paras if p]
    terminal = sum(1 for ln in lines if TERMINAL_RE.search(ln))
    if terminal >= 0.8 * len(lines):
        return [[ln] for ln in lines]
    paras = [[]]
    for ln in lines:
        paras[-1].append(ln)
        if TERMINAL_RE.search(ln) and len(ln.strip()) < 50:
            paras.append([])
    return [p for p in paras if p]


def clean_text(raw: str) -> CleanResult:
    """Mend wraps, drop promo lines, normalise quotes and whitespace."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(QUOTE_MAP)
    # ''Doubled apostrophes'' (New York Times style) and ``PTB openers`` are double quote marks.
    text = DOUBLED_QUOTE_RE.sub('"', text)
    text = re.sub(r"[\t\f\v ]+", " ", text)
    lines = text.split("\n")
    tags: list[str] = []
    for i, ln in enumerate(lines):
        m = WIRE_TAG_RE.match(ln)
        if m:  # "(Corrects paragraph 7 ...) WASHINGTON (Reuters) - ...": the tag goes, the story stays
            tags.append(m.group(0).strip())
            lines[i] = ln[m.end() :]
    kinds = [furniture(ln) if ln.strip() else None for ln in lines]
    removed = tags + [ln.strip() for ln, k in zip(lines, kinds, strict=True) if k]
    corrections = tags + [ln.strip() for ln, k in zip(lines, kinds, strict=True) if k == "note"]
    kept = [ln for ln, k in zip(lines, kinds, strict=True) if not k]
    byline = stamp = None
    for ln, k in zip(lines, kinds, strict=True):
        if k == "byline" and byline is None:
            m = BYLINE_RE.match(ln)
            byline = m.group("name").strip() if m else None
        elif k == "stamp" and stamp is None:
            m = STAMP_RE.match(ln)
            stamp = m.group("when").strip() if m else None
    out: list[str] = []
    for para in _paragraphs(kept):
        joined = " ".join(ln.strip() for ln in para)
        # A word hyphenated across a wrap ("Lukash-\nenko") becomes one word again.
        joined = re.sub(
            r"(\w)- (\w)", lambda m: m.group(1) + m.group(2) if m.group(2).islower() else m.group(0), joined
        )
        joined = re.sub(r" {2,}", " ", joined).strip()
        if joined:
            out.append(joined)
    cleaned = "\n\n".join(out)
    return CleanResult(cleaned, removed, find_dateline(cleaned), byline, stamp, corrections)


def find_dateline(text: str) -> Span | None:
    """The place of a wire-style dateline opening the text, or opening its first body paragraph
    after a headline ("Headline\n\nKYIV (AP) — ..."), if there is one."""
    starts = [0]
    first_end = text.find("\n\n")
    if first_end > 0 and _headline_like(text[:first_end]):
        starts.append(first_end + 2)
    for start in starts:
        m = DATELINE_RE.match(text[start:])
        if not m:
            continue
        place = m.group("place").split(",")[0].strip()
        if len(place) < 3 or not place.isupper():
            continue
        return Span(place, start + m.start("place"), start + m.start("place") + len(place))
    return None


def _headline_like(paragraph: str) -> bool:
    """A first paragraph that reads as a headline: short, with no closing punctuation."""
    return len(paragraph.split()) <= 25 and not re.search(r"[.!?:;][\"')\]]?\s*$", paragraph)


class Cleaner:
    """Pipeline stage: sets ``article.text``, ``removed`` and ``dateline``; fills a missing
    ``author`` from a byline and a missing ``published`` from a timestamp or the dateline
    (saying so in ``notes``)."""

    name = "clean"
    requires: tuple[str, ...] = ("raw", "title", "author", "published")
    assigns: tuple[str, ...] = ("text", "removed", "dateline", "author", "published", "notes")

    def __call__(self, article: Article, ctx: Context) -> Article:
        result = clean_text(article.raw)
        article.text = result.text
        article.removed = result.removed
        article.dateline = result.dateline
        head = headline_paragraph(article.title, result.text)
        if head:
            # A title given apart from the text (JSONL, HTML) is the story's headline: it opens the
            # cleaned text as its own paragraph, so its events are coded and merged with the body's.
            article.text = head + result.text
            if result.dateline is not None:
                d = result.dateline
                article.dateline = Span(d.text, d.start + len(head), d.end + len(head))
        for note in result.corrections:
            article.notes.append(f"correction or editor's note: {note}")
        if article.author is None and result.byline:
            article.author = result.byline
        if article.published is None and result.stamp:
            day = stamp_date(result.stamp)
            if day is not None:
                article.published = day
                article.notes.append(f"publication date {day} taken from a timestamp line ({result.stamp!r})")
        if article.published is None:
            day = dateline_date(result.text)
            if day is not None:
                # "MINSK, Aug. 16, 2020 (Reuters) -": the story's own date anchors it.
                article.published = day
                article.notes.append(f"publication date {day} taken from the dateline")
        return article


def _plain_words(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())


def headline_paragraph(title: str | None, text: str) -> str:
    """The paragraph to put before ``text`` for a separately given title ("" when the text opens with it)."""
    head = " ".join((title or "").split())
    if not head or not text.strip():
        return ""
    if _plain_words(text[: len(head) + 40]).startswith(_plain_words(head)):
        return ""
    return head + "\n\n"


def dateline_date(text: str) -> str | None:
    """The full date of a dateline that gives one ("Aug. 16, 2020"); None when it has no year."""
    m = DATELINE_RE.match(text)
    if not m or not m.group("date"):
        return None
    from tidings.times import normalise

    value = normalise(m.group("date"), None)[0]
    return value if value is not None and len(value) == 10 else None


def stamp_date(when: str) -> str | None:
    """The full date in a timestamp line's text ("10:42 AM, March 5, 2024" -> 2024-03-05), else None."""
    from tidings.times import normalise

    for m in re.finditer(
        r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})|(?:\d{4}-\d{2}-\d{2})",
        when,
    ):
        value = normalise(m.group(0), None)[0]
        if value is not None and len(value) == 10:
            return value
    return None
