"""Clean stage on scraped-looking text written for these tests."""

from __future__ import annotations

from tidings.clean import clean_text, find_dateline, is_promo

WRAPPED = (
    "The interior ministry of\n"
    "Moldova said on Tuesday that\n"
    "police had detained 12 people.\n"
    "\n"
    "Also Read: Ten things to know about the vote\n"
    "\n"
    "Share | Tweet | Email\n"
    "\n"
    "\u201cWe acted within the law,\u201d the minister\u2019s spokesman said.\n"
)


def test_wraps_are_mended_and_paragraphs_kept() -> None:
    r = clean_text(WRAPPED)
    assert r.text.startswith("The interior ministry of Moldova said on Tuesday that police had detained 12 people.")
    assert "\n\n" in r.text  # paragraphs survive


def test_promo_and_share_lines_are_dropped_and_remembered() -> None:
    r = clean_text(WRAPPED)
    assert "Also Read" not in r.text and "Tweet" not in r.text
    assert r.removed == ["Also Read: Ten things to know about the vote", "Share | Tweet | Email"]


def test_quotes_and_apostrophes_are_straightened() -> None:
    r = clean_text(WRAPPED)
    assert '"We acted within the law," the minister\'s spokesman said.' in r.text


def test_promo_detection_with_and_without() -> None:
    for line in ("READ MORE: Markets rally", "Click here to subscribe", "Related stories", "Advertisement"):
        assert is_promo(line), line
    for line in ("Readers were told to stay home.", "Relatedly, the army moved in.", "Subscribers rose 4%."):
        assert not is_promo(line), line


def test_one_paragraph_per_line_text_is_not_joined() -> None:
    text = "Troops left the town on Monday.\nResidents returned the next day.\nShops reopened."
    assert clean_text(text).text.split("\n\n") == text.split("\n")


def test_hyphen_split_across_a_wrap_is_rejoined() -> None:
    assert "Lukashenko" in clean_text("Leader Lukash-\nenko spoke, and others followed him later that day.").text


def test_dateline() -> None:
    span = find_dateline("KYIV, March 3 (tidings) - Ukraine said on Monday that it had retaken a village.")
    assert span is not None and span.text == "KYIV" and span.start == 0
    assert find_dateline("Kyiv said on Monday that it had retaken a village.") is None
    span = find_dateline("MEXICO CITY (AP) The president said on Monday that talks would resume.")
    assert span is not None and span.text == "MEXICO CITY"


def test_dateline_date_becomes_the_publication_date_only_with_a_year() -> None:
    from tidings.clean import Cleaner, dateline_date
    from tidings.model import Article, Context

    assert dateline_date("MINSK, Aug. 16, 2020 (tidings) - Police detained dozens of people.") == "2020-08-16"
    assert dateline_date("MINSK, Aug. 16 (tidings) - Police detained dozens of people.") is None
    art = Cleaner()(
        Article(raw="MINSK, Aug. 16, 2020 (tidings) - Police detained dozens of people on Saturday."), Context()
    )
    assert art.published == "2020-08-16" and any("dateline" in n for n in art.notes)
    given = Cleaner()(
        Article(raw="MINSK, Aug. 16, 2020 (tidings) - Police detained people.", published="2020-08-17"), Context()
    )
    assert given.published == "2020-08-17"


SCRAPED = (
    "By Jane Doe and Ali Khan, Reuters\n"
    "Updated: March 5, 2024 10:42 AM\n"
    "\n"
    "Police in Chisinau detained 12 opposition activists on Tuesday after a rally outside parliament.\n"
    "\n"
    "Activists gather outside parliament in Chisinau on Tuesday. (AP Photo/Ion Popescu)\n"
    "\n"
    "By the time officers arrived, most of the crowd had gone home, witnesses said.\n"
    "\n"
    "Reporting by Jane Doe; Editing by Tom Lee\n"
)


def test_bylines_captions_credits_and_stamps_become_metadata() -> None:
    from tidings.clean import Cleaner
    from tidings.model import Article, Context

    art = Cleaner()(Article(raw=SCRAPED), Context())
    assert art.author == "Jane Doe and Ali Khan"
    assert art.published == "2024-03-05" and any("March 5, 2024" in n for n in art.notes)
    assert art.text.split("\n\n") == [
        "Police in Chisinau detained 12 opposition activists on Tuesday after a rally outside parliament.",
        "By the time officers arrived, most of the crowd had gone home, witnesses said.",
    ]
    assert len(art.removed) == 4 and art.raw == SCRAPED  # the original is kept alongside
    given = Cleaner()(Article(raw=SCRAPED, author="Desk", published="2024-03-04"), Context())
    assert given.author == "Desk" and given.published == "2024-03-04"


def test_furniture_is_not_mistaken_for_story() -> None:
    from tidings.clean import furniture

    for line in ("By Maria Chen", "FILE PHOTO: A view of the Kremlin", "Posted on 5 March 2024"):
        assert furniture(line) is not None, line
    for line in (
        "By Tuesday, officials said the talks had failed.",
        "The photo shows a crowd outside the ministry.",
        "Updated rules will apply to all members.",
    ):
        assert furniture(line) is None, line


def test_a_separate_title_opens_the_text_once() -> None:
    from tidings.clean import headline_paragraph

    body = "KYIV (AP) - Ukraine and Poland signed a grain deal on Monday."
    assert headline_paragraph("Ukraine, Poland sign grain deal", body) == "Ukraine, Poland sign grain deal\n\n"
    # without: the text already opens with its headline, or there is no title
    assert headline_paragraph("Ukraine, Poland sign grain deal", "Ukraine, Poland sign grain deal\n\n" + body) == ""
    assert headline_paragraph(None, body) == ""
