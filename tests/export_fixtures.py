"""A small store written for the export tests: two articles coded by hand, so every value is known.

The articles are the project's own sentences. Their events are built as the
pipeline would build them (actors, spans, places, dates, mentions) and saved
through the SQLite sink, so the exports read exactly what ``tidings process``
writes, without loading spaCy.
"""

from __future__ import annotations

from pathlib import Path

from tidings.model import Actor, ActorRef, Article, Event, EventMention, Place, Sentence, Span
from tidings.sinks import connect, save

TITLE_1 = "Police detain protesters in Minsk"
TEXT_1 = (
    f"{TITLE_1}\n\n"
    "MINSK - Belarusian police detained 40 protesters in Minsk on Saturday. "
    "Russia backed President Lukashenko in a statement.\n\n"
    "The United Nations in New York criticised the arrests. "
    "Belarus did not accuse Poland of anything. "
    "Relief workers reached Vayots Dzor Province. "
    "Activists gathered in Texas."
)
TEXT_2 = (
    "Armenia and Azerbaijan trade fire\n\n"
    "Azerbaijani troops shelled Armenian positions on Tuesday, Armenia said.\n\n"
    "Armenia urged Azerbaijan to stop."
)

MINSK = ("Minsk", "BLR", 625144, 53.90019, 27.56653, "Horad Minsk", "city")
BELARUS = ("Belarus", "BLR", 630336, 53.0, 28.0, None, "country")
NEW_YORK = ("New York City", "USA", 5128581, 40.71427, -74.00597, "New York", "city")
VAYOTS_DZOR = ("Vayots Dzor Province", "ARM", 409315, 39.802, 45.4558, "Vayots Dzor Province", "admin1")
TEXAS = ("Texas", "USA", 4736286, 31.25044, -99.25061, "Texas", "admin1")


class _Text:
    def __init__(self, text: str) -> None:
        self.text = text

    def span(self, words: str, after: int = 0) -> Span:
        start = self.text.index(words, after)
        return Span(words, start, start + len(words))

    def sentence(self, words: str) -> Sentence:
        s = self.span(words)
        return Sentence(0, s.start, s.end, s.text)

    def place(self, words: str, spec: tuple[object, ...], after: int = 0) -> Place:
        s = self.span(words, after)
        name, country, gid, lat, lon, admin1, feature = spec
        return Place(s.text, s.start, s.end, str(name), country, gid, lat, lon, admin1, feature)  # type: ignore[arg-type]


def _ref(actor: Actor, span: Span) -> ActorRef:
    actor.mentions.append(span)
    return ActorRef(actor, span)


def article_one() -> Article:
    t = _Text(TEXT_1)
    police = Actor(0, "Belarus police", "BLRCOP", "BLR", "COP")
    protesters = Actor(1, "Belarus protesters", "BLROPP", "BLR", "OPP")
    russia = Actor(2, "Russia", "RUS", "RUS", None, None, "country")
    luka = Actor(3, "Alexander Lukashenko", "BLRGOV", "BLR", "GOV", "Q39599", "person")
    un = Actor(4, "United Nations", "IGOUNO", None, None, "Q1065", "igo")
    belarus = Actor(5, "Belarus", "BLR", "BLR", None, None, "country")
    poland = Actor(6, "Poland", "POL", "POL", None, None, "country")
    ngo = Actor(7, "International Committee of the Red Cross", "NGOHLHIRC", None, "NGO", None, "group")
    places = [
        t.place("Minsk", MINSK),
        t.place("Minsk", MINSK, after=TEXT_1.index("detained")),
        t.place("New York", NEW_YORK),
        t.place("Vayots Dzor Province", VAYOTS_DZOR),
        t.place("Texas", TEXAS),
    ]
    belarus_place = t.place("Belarus", BELARUS, after=TEXT_1.index("The United"))
    detained = Event(
        "173", "17", "COERCE", "arrest", 4, -5.0,
        _ref(police, t.span("Belarusian police")), _ref(protesters, t.span("40 protesters")),
        t.span("detained"), t.sentence("MINSK - Belarusian police detained 40 protesters in Minsk on Saturday."),
        date="2020-08-15", date_source="clause", place=places[1], place_source="clause", confidence=0.83,
        name="Arrest, detain, or charge with legal action",
        mentions=[EventMention(t.span("detain"), t.sentence(TITLE_1), headline=True)],
    )  # fmt: skip
    backed = Event(
        "051", "05", "SUPPORT", None, 1, 3.4,
        _ref(russia, t.span("Russia")), _ref(luka, t.span("President Lukashenko")),
        t.span("backed"), t.sentence("Russia backed President Lukashenko in a statement."),
        date="2020-08-15", date_source="lede", place=belarus_place, place_source="dateline", confidence=0.73,
        name="Praise or endorse",
    )  # fmt: skip
    criticised = Event(
        "111", "11", "ACCUSE", "disapprove", 3, -2.0,
        _ref(un, t.span("The United Nations")), None,
        t.span("criticised"), t.sentence("The United Nations in New York criticised the arrests."),
        date="2020-08", date_source="sentence", place=places[2], place_source="clause", confidence=0.4,
        name="Criticize or denounce",
    )  # fmt: skip
    not_accused = Event(
        "112", "11", "ACCUSE", "allege", 3, -2.0,
        _ref(belarus, t.span("Belarus did")), _ref(poland, t.span("Poland")),
        t.span("accuse"), t.sentence("Belarus did not accuse Poland of anything."),
        negated=True, date="2020-08-15", date_source="lede", confidence=0.6, name="Accuse",
    )  # fmt: skip
    relief = Event(
        "073", "07", "AID", None, 2, 7.4,
        _ref(ngo, t.span("Relief workers")), None,
        t.span("reached"), t.sentence("Relief workers reached Vayots Dzor Province."),
        date=None, place=places[3], place_source="clause", confidence=0.3, name="Provide humanitarian aid",
    )  # fmt: skip
    gathered = Event(
        "141", "14", "PROTEST", "demonstrate", 4, -6.5,
        None, None, t.span("gathered"), t.sentence("Activists gathered in Texas."),
        date="2020-08-16", place=places[4], place_source="clause", confidence=0.2, name="Demonstrate or rally",
    )  # fmt: skip
    article = Article(
        raw=TEXT_1,
        id="exp-1",
        published="2020-08-16",
        title=TITLE_1,
        url="https://news.example.org/world/minsk-arrests",
        source="Example News",
        text=TEXT_1,
        input="exp-1.txt",
    )
    article.actors = [police, protesters, russia, luka, un, belarus, poland, ngo]
    article.events = [detained, backed, criticised, not_accused, relief, gathered]
    article.places = [*places, belarus_place]
    return article


def article_two() -> Article:
    t = _Text(TEXT_2)
    aze = Actor(0, "Azerbaijan military", "AZEMIL", "AZE", "MIL")
    arm = Actor(1, "Armenia", "ARM", "ARM", None, None, "country")
    aze_state = Actor(2, "Azerbaijan", "AZE", "AZE", None, None, "country")
    shelled = Event(
        "190", "19", "ASSAULT", None, 4, -10.0,
        _ref(aze, t.span("Azerbaijani troops")), _ref(arm, t.span("Armenian positions")),
        t.span("shelled"), t.sentence("Azerbaijani troops shelled Armenian positions on Tuesday, Armenia said."),
        date="2021-11-16", date_source="clause", confidence=0.9, name="Use conventional military force",
        mentions=[EventMention(t.span("fire"), t.sentence("Armenia and Azerbaijan trade fire"), headline=True)],
    )  # fmt: skip
    urged = Event(
        "100", "10", "REQUEST", None, 3, -5.0,
        _ref(arm, t.span("Armenia urged")), _ref(aze_state, t.span("Azerbaijan to")),
        t.span("urged"), t.sentence("Armenia urged Azerbaijan to stop."),
        date="2021-11-17", date_source="published", confidence=0.55, name="Demand",
    )  # fmt: skip
    article = Article(raw=TEXT_2, id="exp-2", published="2021-11-17", title="Armenia and Azerbaijan trade fire")
    article.text = TEXT_2
    article.actors = [aze, arm, aze_state]
    article.events = [shelled, urged]
    return article


def build_store(path: Path) -> Path:
    """Write the two articles into a fresh store at ``path``."""
    conn = connect(path)
    save(conn, article_one())
    save(conn, article_two())
    conn.close()
    return path


def empty_store(path: Path) -> Path:
    """A store with its tables and no article."""
    connect(path).close()
    return path
