"""Turning a unit's clues into a coded actor: a country (or IGO) code and a sector.

The first clue that names someone decides how the unit is coded: a person (the
office table, then the Phoenix table, then the titles the text gives), a body
the Phoenix table knows, an international or non-state group (``igos.tsv``),
and otherwise the agent nouns, the seat of government, the demonym, the named
organisation or the bare country. Office holders and groups are coded as of the
article's date ("the Taliban" govern Afghanistan from August 2021; a leader out
of office is an ex-official, ELI), and so are states that seceded
(``country_on``). Each coded actor comes with a key: units with the same key are
mentions of the same actor.
"""

from __future__ import annotations

from dataclasses import replace

from tidings.actors.clues import ORG_SECTOR_WORDS, Unit
from tidings.actors.lexicon import ActorLexicon
from tidings.model import Actor
from tidings.words import words

#: A coded unit: the key that says which actor it is, and the actor.
Coded = tuple[tuple[str, ...], Actor]

#: Name words of the parties, fronts and militias of one country's politics.
MOVEMENT_WORDS = words("actors", "movement_words")
# Title words that only say "a member of" or "second to" something else the phrase names.
_DEPUTY = words("actors", "deputy_words")
# Agent nouns too general to outrank a more specific one in the same phrase.
_GENERIC_AGENTS = words("actors", "generic_agents")
# Title words before a person's name, taken off to give the name.
TITLES = words("actors", "title_words")
# Sector codes that Phoenix writes inside an IGO's code for what the body does
# (IGOUNOJUDICJ: a court; IGOUNOHLHWHO: health; IGOUNOREFHCR: refugees).
IGO_SECTORS = frozenset({"JUD", "HLH", "REF", "HRI", "LAB", "AGR", "ENV", "MIL"})
#: Sectors of a state's own bodies: a body named by one of them is some state's.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: States that seceded, with the day they became independent: before it their places
#: (Juba, Pristina) and people belonged to the state they left.
SECESSIONS: dict[str, tuple[str, str]] = {"SSD": ("SDN", "2011-07-09"), "XKX": ("SRB", "2008-02-17")}


def code_unit(lex: ActorLexicon, unit: Unit, day: str | None, focus: str | None) -> Coded | None:
    """The key and actor of a unit on ``day``; ``focus`` is the country an unplaced title or agent
    is taken to be of. None when the unit names no actor."""
    if unit.company:
        # a company is of the country its own words give ("Swedish packaging maker"), or of none
        name = strip_the(unit.org_text or unit.person_text)
        country = unit.countries[0] if unit.countries else None
        return ("org", name.lower()), Actor(0, name, join_code(country, "BUS"), country, "BUS", None, "organisation")
    if unit.movement and not unit.persons and not unit.org_text:
        unit = replace(unit, org_text=unit.person_text, person_text="")  # "Ennahda" (a party) said
    if unit.persons or unit.person_text:
        return _code_person(lex, unit, day, focus)
    if unit.known and not unit.igo and (found := known_code(lex, unit, day)) is not None:
        coded = _code_known(lex, unit, found[0], focus)
        if coded is not None:
            return coded
    if unit.igo and unit.head_kind not in ("country", "metonym"):  # not "NATO-member Norway"
        return _code_igo(lex, unit, day)
    return _code_by_clues(lex, unit, focus)


def _code_person(lex: ActorLexicon, unit: Unit, day: str | None, focus: str | None) -> Coded | None:
    name, country, sector, wikidata = _person(lex, unit, day, focus)
    if not name:
        return None
    if unit.igo and not lex.offices_of(name):
        # "U.N. mediator Diego Cordovez" acts for the organisation.
        code = unit.igo + (sector if sector and sector not in ("GOV", "IGO") and not unit.igo.endswith(sector) else "")
        return ("person", name), Actor(0, name, code, None, sector, wikidata, "person")
    return ("person", name), Actor(0, name, join_code(country, sector), country, sector, wikidata, "person")


def _code_known(lex: ActorLexicon, unit: Unit, code: str, focus: str | None) -> Coded | None:
    """A body the Phoenix table knows, by its ``code``; None when the code names no country or
    group (the unit is then coded by its other clues)."""
    kcountry, ksector = _split_code(lex, code)
    name = strip_the(unit.org_text) if unit.org_text else lex.known[unit.known[0]].name
    if kcountry is None and code[:3] in ("IGO", "NGO", "IMG"):
        kind = "igo" if code.startswith("IGO") else "group"
        sector = "NGO" if code.startswith("NGO") else None
        return ("igo", code), Actor(0, name, code, None, sector, None, kind)
    if kcountry is None and code[3:6] == "REB":
        # Phoenix files some local armed groups under a region or INT ("the Islamic
        # Salvation Front" INTREB): the group fights where the text or story is set.
        country = unit.countries[0] if unit.countries else focus
        return ("org", name.lower()), Actor(0, name, join_code(country, "REB"), country, "REB", None, "organisation")
    if kcountry is None:
        return None
    # "Chile's Defense Department": the text's own country outranks the old table's
    country = unit.countries[0] if unit.countries else kcountry
    # "FBI agents": the agent noun names the sector; else the institution's own.
    sector = unit.sectors[-1][0] if unit.sectors else ksector
    if unit.former and sector == "GOV":
        sector = "ELI"  # "a former CIA official"
    full = code if not unit.sectors else join_code(country, sector)
    return ("org", name.lower()), Actor(0, name, full, country, sector, None, "organisation")


def _code_igo(lex: ActorLexicon, unit: Unit, day: str | None) -> Coded:
    """An international body or a non-state group of ``igos.tsv``, as of ``day``."""
    sector = unit.sectors[0][0] if unit.sectors else None
    if unit.igo[:3] in lex.countries:
        sector = None  # "Boko Haram fighters", "a Hamas spokesman": the group itself
        if unit.former and unit.sectors:
            # "a former CIA official": an ex-official of that country
            return ("agent", unit.igo[:3], "ELI"), Actor(
                0, f"former {unit.sectors[-1][1]}", join_code(unit.igo[:3], "ELI"), unit.igo[:3], "ELI", None, "agent"
            )
    extra = sector if sector and sector not in ("GOV", "IGO") and not unit.igo.endswith(sector) else ""
    base = unit.igo
    for step in filter(None, unit.igo_later.split("|")):
        later, _, since = step.partition("@")
        if day is not None and day >= since:
            base = later  # "the Taliban" in 2023 govern Afghanistan: AFGGOV
    code = base + (extra if base == unit.igo else "")
    name = lex.igo_names.get(unit.igo, unit.igo)
    kind = "igo" if code.startswith("IGO") else "group"
    country = None if kind == "igo" or code[:3] not in lex.countries else code[:3]
    if sector is None and country is not None and len(code) >= 6:
        sector = code[3:6]  # a group's own code says what it is: NGAREB, PSEREBHMS
    if sector is None and code.startswith("NGO"):
        sector = "NGO"  # a transnational NGO (NGOHRIAMN): no country, sector NGO
    if sector is None and kind == "igo":
        sector = _igo_sector(code)
    key: tuple[str, ...] = ("igo", code)
    if unit.igo[:3] in lex.countries and unit.igo_name:
        # national bodies share codes (every US company is USABUS): one actor per body
        name = unit.igo_name
        key = ("igo", code, name)
    wikidata = lex.igo_wikidata.get(unit.igo_name) or lex.igo_wikidata.get(unit.igo)
    return key, Actor(0, name, code, country, sector, wikidata, kind)


def _code_by_clues(lex: ActorLexicon, unit: Unit, focus: str | None) -> Coded | None:
    """A unit no table names as a whole: by its agent nouns, seat of government, people,
    named organisation or country."""
    country = unit.countries[0] if unit.countries else None
    region, region_words = unit.region
    if unit.sectors:
        sector, phrase = head_sector(unit.sectors, kin=unit.kin)
        if unit.former and sector == "GOV":
            sector = "ELI"
        if country is None and region:
            # "West African leaders", "Western diplomats": the region's code, no one state's
            name = f"{region_words} {phrase}"
            return ("agent", region, sector), Actor(0, name, join_code(region, sector), None, sector, None, "agent")
        country = country or focus
        cname = lex.countries[country].name if country in lex.countries else ""
        name = f"{cname} {phrase}".strip() if cname else phrase
        key = ("agent", country or phrase, sector)
        return key, Actor(0, name, join_code(country, sector), country, sector, None, "agent")
    if unit.government and country:
        name = f"{lex.countries[country].name} government" if country in lex.countries else country
        return ("agent", country, "GOV"), Actor(0, name, join_code(country, "GOV"), country, "GOV", None, "agent")
    if unit.ethnic and not country and focus:
        c = lex.countries.get(focus)
        name = f"ethnic group in {c.name if c else focus}"
        return ("agent", focus, "CVL"), Actor(0, name, join_code(focus, "CVL"), focus, "CVL", None, "agent")
    if unit.org_text and country:
        # "Massachusetts Institute of Technology", "the Bank of Mexico": a named body of that country.
        named = org_sector(unit.org_text)
        if named is not None:
            name = strip_the(unit.org_text)
            return ("org", name.lower()), Actor(
                0, name, join_code(country, named), country, named, None, "organisation"
            )
    if unit.demonym and country:
        # A people ("Palestinians", "33 detained Russians"): CAMEO codes them with the
        # country alone, as the Phoenix dictionaries do ("ordinary Kazakhs" and "Belarusian
        # protesters" carry a sector of their own); still people, not the state, so an
        # actor of its own that events can release, arrest or expel.
        c = lex.countries.get(country)
        name = f"people of {c.name}" if c else country
        return ("people", country), Actor(0, name, country, country, None, None, "agent")
    if country:
        c = lex.countries.get(country)
        return ("country", country), Actor(
            0, c.name if c else country, country, country, None, c.wikidata if c else None, "country"
        )
    if unit.org_text:
        named = org_sector(f"{unit.org_text} {unit.movement}")
        name = strip_the(unit.org_text)
        # "the Southern Military District", "National Treasury": a state's body is of the state
        # the context gives; a movement of the story's country; other bodies of none.
        words_ = [*unit.org_text.lower().split(), unit.movement]
        home = focus if named in STATE_SECTORS else _home_of_movement(words_, focus)
        return ("org", name.lower()), Actor(0, name, join_code(home, named), home, named, None, "organisation")
    return None


def org_sector(org_text: str) -> str | None:
    """The sector the first telling word of an organisation's name gives ("Bank of Mexico": none)."""
    return next((ORG_SECTOR_WORDS[w] for w in org_text.lower().split() if w in ORG_SECTOR_WORDS), None)


def _person(
    lex: ActorLexicon, unit: Unit, day: str | None, focus: str | None
) -> tuple[str, str | None, str | None, str | None]:
    """(name, country, sector, wikidata) of a person by office table and text clues."""
    name = unit.persons[0] if unit.persons else _strip_titles(unit.person_text)
    country = unit.countries[0] if unit.countries else None
    sector = _title_sector(unit.sectors)
    wikidata = None
    terms = lex.offices_of(name)
    if terms:
        wikidata = next((t.wikidata for t in terms if t.wikidata), None)
        now = [t for t in terms if t.holds_on(day)]
        if day is None and sector is not None:
            # No date to place the article in: the title the text gives is the best evidence.
            return name, country or (now or terms)[0].iso3, sector, wikidata
        if day is None and not now:
            now = [max(terms, key=lambda t: (t.end, t.start))]  # undated: the office the person left last
        if now:
            return name, now[0].iso3, now[0].sector, wikidata
        past = [t for t in terms if day is not None and t.end and t.end <= day]
        if past:
            # Out of office on the article's date: an ex-leader, not the government.
            return name, country or past[-1].iso3, "ELI", wikidata
        country = country or terms[0].iso3
    elif unit.known and (found := known_code(lex, unit, day)) is not None:
        code, over = found
        kcountry, ksector = _split_code(lex, code)
        country = country or kcountry
        # The article's own title is newer than the dictionary; else the table's
        # role, or an ex-official once all its terms are over.
        sector = sector or ("ELI" if over and kcountry else ksector)
    if unit.former and sector in ("GOV", None):
        sector = "ELI"
    if country is None and sector is not None:
        # "President Abdelaziz Bouteflika" in a story on Algeria: the title says which
        # office, the story which country. A bare unknown name gets no country.
        country = focus
    return name, country, sector, wikidata


def known_code(lex: ActorLexicon, unit: Unit, day: str | None) -> tuple[str, bool] | None:
    """The Phoenix code of a unit's known actor on ``day`` and whether its terms are all past.

    Rows that disagree on the country are settled in favour of the country
    dictionary (state actors) over the old armed-group and international
    lists; if that leaves more than one country, the name is ambiguous.
    """
    rows = [lex.known[i] for i in dict.fromkeys(unit.known)]
    if not rows:
        return None
    coded = [(k, *k.code_on(day)) for k in rows]
    if len({c[:3] for _, c, _ in coded}) > 1:
        coded = [x for x in coded if x[0].source == "Countries"] or coded
        if len({c[:3] for _, c, _ in coded}) > 1:
            return None
    _, code, past = coded[0]
    return code, past


def regional_group(lex: ActorLexicon, unit: Unit, day: str | None) -> bool:
    """Whether the unit is a known armed group Phoenix files under a region or INT (``INTREB``)."""
    if not unit.known or unit.igo:
        return False
    found = known_code(lex, unit, day)
    return found is not None and found[0][:3] not in lex.countries and found[0][3:6] == "REB"


def _split_code(lex: ActorLexicon, code: str) -> tuple[str | None, str | None]:
    """(country, primary sector) of a Phoenix code: "ISRGOVLEG" -> (ISR, LEG), "AFGGOVEDU" -> (AFG, GOV)."""
    pre, rest = code[:3], code[3:]
    if code == "ELI":
        return None, "ELI"
    if pre not in lex.countries:
        return None, None
    sectors = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    # A legislature or an intelligence service is a sector of its own (CAMEO LEG, SPY),
    # which Phoenix writes under GOV or MIL.
    if sectors[:2] in (["GOV", "LEG"], ["MIL", "SPY"]):
        return pre, sectors[1]
    return pre, sectors[0] if sectors else None


def variants(unit: Unit) -> list[Unit]:
    """One unit per country for "agitators from Poland and the Netherlands"."""
    countries = list(dict.fromkeys(unit.countries))
    if not unit.coordinated or len(countries) < 2 or unit.persons or unit.person_text:
        return [unit]
    return [replace(unit, countries=[c]) for c in countries]


def _home_of_movement(name: list[str], focus: str | None) -> str | None:
    """A political movement, front, party or militia the tables do not know ("the Movement
    for the Actualization of the Sovereign State of Biafra") is of the country the story
    is set in; other unknown bodies (news agencies, companies, forums) get no country."""
    return focus if MOVEMENT_WORDS.intersection(name) else None


def country_on(country: str | None, day: str | None) -> str | None:
    """The state a country code stood for on ``day``: South Sudan before July 2011 is Sudan."""
    if country in SECESSIONS and day is not None and day < SECESSIONS[country][1]:
        return SECESSIONS[country][0]
    return country


def as_of(actor: Actor, day: str | None) -> Actor:
    """The actor with its country as of the article's date."""
    then = country_on(actor.country, day)
    if then is None or actor.country is None or then == actor.country:
        return actor
    code = then + actor.code[3:] if actor.code.startswith(actor.country) else actor.code
    return replace(actor, country=then, code=code)


def _title_sector(sectors: list[tuple[str, str]]) -> str | None:
    """A person's sector from their titles: the first, but "deputy" before another title is not LEG.

    "Deputy Minister of Defense Andrei Kartapolov" and "Taiwan's deputy foreign
    minister" hold government posts; a bare "deputy" is a member of parliament.
    """
    rest = [s for s in sectors if s[1] not in _DEPUTY] if len(sectors) > 1 else sectors
    return (rest or sectors)[0][0] if sectors else None


def head_sector(sectors: list[tuple[str, str]], *, kin: bool = False) -> tuple[str, str]:
    """A group's sector: its head noun's, unless that is a generic "leader" or "official" and a
    more specific word qualifies it ("opposition leaders", "Muslim leaders", "union officials");
    a relative's is their own ("the wife of the ambassador": CVL), whoever the relative is."""
    if kin:
        return next(s for s in sectors if s[0] == "CVL")
    sector, phrase = sectors[-1]
    if phrase.split()[-1] in _GENERIC_AGENTS and len(phrase.split()) == 1:
        specific = [s for s in sectors[:-1] if s[1] not in _DEPUTY]
        if specific:
            return specific[-1][0], f"{specific[-1][1]} {phrase}"
    return sector, phrase


def _igo_sector(code: str) -> str | None:
    """The functional sector in an IGO code: "IGOUNOJUDICJ" -> JUD; None for "IGOUNO", "IGOEUREEC"."""
    parts = [code[i : i + 3] for i in range(3, len(code), 3)]
    return next((p for p in parts[1:] if p in IGO_SECTORS), None)


def join_code(country: str | None, sector: str | None) -> str:
    """A CAMEO code from its parts ("BLR" + "COP"); "---" when neither is known."""
    code = (country or "") + (sector or "")
    return code or "---"


def _strip_titles(name: str) -> str:
    parts = name.replace("'s", "").split()
    while parts and parts[0].lower() in TITLES:
        parts = parts[1:]
    return " ".join(parts)


def strip_the(name: str) -> str:
    """A name without a leading "the " ("the Kremlin" -> "Kremlin")."""
    return name[4:] if name.lower().startswith("the ") else name
