"""The time stage on project-written sentences, published on Sunday 2020-08-16.

Each test names the rule it checks; the sentences are invented for the
purpose. The stage runs after the real clean and nlp stages, because the
tense of a clause (read from spaCy's parse) decides which Friday is meant.
"""

from __future__ import annotations

from datetime import date

import pytest

from tidings.model import Article, TimeExpr
from tidings.pipeline import Pipeline
from tidings.times import NO_DATE_NOTE, candidates, normalise
from tidings.times import calendar as cal
from tidings.times.candidates import grammar

SUNDAY = "2020-08-16"
BASE = date(2020, 8, 16)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(stages=["clean", "nlp", "times"])


def tag(pipeline: Pipeline, text: str, published: str | None = SUNDAY) -> Article:
    return pipeline(Article(raw=text, published=published))


def times(pipeline: Pipeline, text: str, published: str | None = SUNDAY) -> dict[str, TimeExpr]:
    return {t.text: t for t in tag(pipeline, text, published).times}


def value(pipeline: Pipeline, text: str, words: str, published: str | None = SUNDAY) -> str | None:
    found = times(pipeline, text, published)
    assert words in found, f"{words!r} not found in {sorted(found)}"
    return found[words].value


# --------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Protesters gathered in the capital on Saturday.", "Saturday", "2020-08-15"),
        # The news convention: a weekday equal to the publication weekday is that day.
        ("The minister spoke to reporters on Sunday.", "Sunday", "2020-08-16"),
        ("The vote took place last Sunday.", "last Sunday", "2020-08-09"),
        ("On Friday, police released all but two of the detainees.", "Friday", "2020-08-14"),
        ("The council met Tuesday to discuss the budget.", "Tuesday", "2020-08-11"),
        ("The ministers will meet next Tuesday in Geneva.", "next Tuesday", "2020-08-18"),
    ],
)
def test_weekday_in_a_past_or_plain_clause(pipeline: Pipeline, text: str, words: str, expected: str) -> None:
    assert value(pipeline, text, words) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The two leaders will meet on Thursday.", "Thursday", "2020-08-20"),
        ("A summit scheduled for Thursday was announced by the foreign ministry.", "Thursday", "2020-08-20"),
        ("Negotiators will hold talks on Friday.", "Friday", "2020-08-21"),
        ("The report must be delivered by Friday.", "Friday", "2020-08-21"),
        ("The opposition called a rally for Saturday.", "Saturday", "2020-08-22"),
        ("The government plans to reopen schools on Monday.", "Monday", "2020-08-17"),
    ],
)
def test_weekday_in_a_future_clause_is_the_coming_one(pipeline: Pipeline, text: str, words: str, expected: str) -> None:
    assert value(pipeline, text, words) == expected


def test_weekday_with_a_part_of_the_day_is_a_time(pipeline: Pipeline) -> None:
    found = times(pipeline, "Clashes broke out on Friday night and resumed on Wednesday morning.")
    assert (found["Friday night"].value, found["Friday night"].kind) == ("2020-08-14TNI", "time")
    assert (found["Wednesday morning"].value, found["Wednesday morning"].kind) == ("2020-08-12TMO", "time")


def test_possessive_weekday_dates_its_noun_not_the_clause(pipeline: Pipeline) -> None:
    # "will appeal" is ahead, but the ruling was Wednesday's, already given.
    assert value(pipeline, "The lawyers will appeal Wednesday's ruling.", "Wednesday's") == "2020-08-12"


def test_clock_time_joins_its_day(pipeline: Pipeline) -> None:
    found = times(pipeline, "The curfew began at 9 p.m. Saturday.")
    assert [(t.value, t.kind) for t in found.values()] == [("2020-08-15T21:00", "time")]
    found = times(pipeline, "The polls close at 20:00 local time on Sunday.")
    assert [t.value for t in found.values()] == ["2020-08-16T20:00"]


# ------------------------------------------------------- days, weeks, months


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The talks collapsed yesterday.", "yesterday", "2020-08-15"),
        ("The talks resume today.", "today", "2020-08-16"),
        ("The talks resume tomorrow.", "tomorrow", "2020-08-17"),
        ("Police arrested a suspect late yesterday.", "late yesterday", "2020-08-15"),
        ("Two ministers resigned earlier this week.", "earlier this week", "2020-W33"),
        ("Fighting intensified earlier this month.", "earlier this month", "2020-08"),
        ("The army withdrew last week.", "last week", "2020-W32"),
        ("Prices rose last month.", "last month", "2020-07"),
        ("The party won the election last year.", "last year", "2019"),
        ("Turnout fell from last year's level.", "last year's", "2019"),
        ("The strike ended in March.", "March", "2020-03"),
        ("The ceasefire was signed in December.", "December", "2019-12"),
        ("The treaty was signed last December.", "last December", "2019-12"),
        ("The border closed in May last year.", "May last year", "2019-05"),
        ("Elections will be held in October.", "October", "2020-10"),
    ],
)
def test_relative_days_weeks_months_and_years(pipeline: Pipeline, text: str, words: str, expected: str) -> None:
    assert value(pipeline, text, words) == expected


# ------------------------------------------------------------ explicit dates


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The accord was signed on August 9, 2020.", "August 9, 2020", "2020-08-09"),
        ("The accord was signed on 9 August 2020.", "9 August 2020", "2020-08-09"),
        ("The accord was signed on 2020-08-09.", "2020-08-09", "2020-08-09"),
        ("The accord was signed on 8/9/2020.", "8/9/2020", "2020-08-09"),
        ("The accord was signed on the ninth of August.", "the ninth of August", "2020-08-09"),
        ("The accord was signed on Aug. 9.", "Aug. 9", "2020-08-09"),
        ("The accord was signed on Friday, Aug. 14.", "Friday, Aug. 14", "2020-08-14"),
        # Without a year, the nearest such day, pulled towards the clause's tense.
        ("The two sides will meet again on Sept. 3.", "Sept. 3", "2020-09-03"),
        ("The rebels took the town on Dec. 20.", "Dec. 20", "2019-12-20"),
        ("The war ended in 1995.", "1995", "1995"),
        ("The embargo began in June 2019.", "June 2019", "2019-06"),
    ],
)
def test_explicit_dates(pipeline: Pipeline, text: str, words: str, expected: str) -> None:
    assert value(pipeline, text, words) == expected


def test_a_day_range_gives_both_days(pipeline: Pipeline) -> None:
    found = times(pipeline, "The summit will be held on April 24 and 25 next year.")
    assert found["April 24"].value is not None and found["25"].value is not None
    assert found["25"].value.endswith("-04-25")
    found = times(pipeline, "The talks were held from 1 to 3 March.")
    assert (found["1"].value, found["3 March"].value) == ("2020-03-01", "2020-03-03")


def test_a_day_of_the_month_alone(pipeline: Pipeline) -> None:
    assert value(pipeline, "Parliament will vote on the 20th.", "the 20th") == "2020-08-20"
    assert times(pipeline, "The town marked the 20th anniversary of the siege.") == {}


# -------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("He has been in power for the past 26 years.", "the past 26 years", "P26Y"),
        ("The union began a six-week strike.", "six-week", "P6W"),
        ("The 11-day siege ended without bloodshed.", "11-day", "P11D"),
        ("The talks lasted three months.", "three months", "P3M"),
        ("The hearing lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("Rebels have held the town for several months.", "several months", "PXM"),
        ("The rule has stood for at least five years.", "at least five years", "P5Y"),
        ("The clans fought for hundreds of years.", "hundreds of years", "PXY"),
        ("It ended a half-century of military rule.", "half-century", "P50Y"),
    ],
)
def test_durations(pipeline: Pipeline, text: str, words: str, expected: str) -> None:
    found = times(pipeline, text)
    assert (found[words].value, found[words].kind) == (expected, "duration")


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The dam burst two weeks ago.", "two weeks ago", "2020-W31"),
        ("The party was founded three years ago.", "three years ago", "2017"),
        ("The mine closed five months ago.", "five months ago", "2020-03"),
    ],
)
def test_ago_is_a_date_at_the_units_precision(pipeline: Pipeline, text: str, words: str, expected: str) -> None:
    assert value(pipeline, text, words) == expected


def test_a_bounded_year_is_a_stretch_of_time(pipeline: Pipeline) -> None:
    found = times(pipeline, "Profit rose 5% in the year ended June 30.")
    assert (found["the year"].value, found["the year"].kind) == ("P1Y", "duration")


def test_a_shift_from_an_unknown_event_stays_a_duration(pipeline: Pipeline) -> None:
    found = times(pipeline, "Trading halted at noon and resumed an hour later.")
    assert found["an hour later"].value == "PT1H"


def test_ages_are_not_times(pipeline: Pipeline) -> None:
    found = times(pipeline, "Jane Doe, 49, and a 44-year-old teacher, 37 years old, were arrested.")
    assert found == {}


# ------------------------------------------------------- sets, quarters, eras


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The festival is held every year.", "every year", "P1Y"),
        ("The committee meets weekly.", "weekly", "P1W"),
        ("Protesters march each Thursday.", "each Thursday", "XXXX-WXX-4"),
        ("Inspectors visit twice a month.", "twice a month", "P1M"),
        ("The plant burns 400 tons a day.", "a day", "P1D"),
    ],
)
def test_sets(pipeline: Pipeline, text: str, words: str, expected: str) -> None:
    found = times(pipeline, text)
    assert (found[words].value, found[words].kind) == (expected, "set")


def test_quarters_and_the_year_earlier_quarter(pipeline: Pipeline) -> None:
    found = times(
        pipeline,
        "The company reported a loss for the third quarter. A year earlier, it had earned $5 million. "
        "Second-quarter sales fell.",
    )
    assert found["the third quarter"].value == "2020-Q3"
    assert found["A year earlier"].value == "2019-Q3"
    assert found["Second-quarter"].value == "2020-Q2"


def test_a_year_ago_without_quarters_is_last_year(pipeline: Pipeline) -> None:
    assert value(pipeline, "Unemployment is higher than a year ago.", "a year ago") == "2019"


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Floods hit the region last summer.", "last summer", "2019-SU"),
        ("The offensive began this spring.", "this spring", "2020-SP"),
        ("The border was fortified in the 1990s.", "the 1990s", "199"),
        ("The town grew rich in the '80s.", "the '80s", "198"),
        ("Turkey is now pressing for talks.", "now", "PRESENT_REF"),
        ("The group currently holds two seats.", "currently", "PRESENT_REF"),
        ("The ministry recently changed its rules.", "recently", "PAST_REF"),
        ("In the past, such protests were rare.", "the past", "PAST_REF"),
        ("Talks may resume in the future.", "the future", "FUTURE_REF"),
        ("No talks are planned at present.", "at present", "PRESENT_REF"),
        ("Aid arrived on Christmas Day.", "Christmas Day", "2019-12-25"),
    ],
)
def test_seasons_decades_references_and_holidays(pipeline: Pipeline, text: str, words: str, expected: str) -> None:
    assert value(pipeline, text, words) == expected


def test_the_next_day_follows_the_day_the_story_named(pipeline: Pipeline) -> None:
    found = times(pipeline, "The blast happened on Aug. 3. The next day, police arrested two men.")
    assert found["Aug. 3"].value == "2020-08-03"
    assert found["The next day"].value == "2020-08-04"


# ------------------------------------------------ where spaCy goes wrong


def test_the_grammar_span_wins_over_a_merged_spacy_entity(pipeline: Pipeline) -> None:
    found = times(pipeline, "The rally on Saturday after weeks of unrest drew thousands.")
    assert "Saturday" in found and found["Saturday"].value == "2020-08-15"
    assert not any("after" in words for words in found)


def test_names_and_verbs_are_not_months(pipeline: Pipeline) -> None:
    found = times(pipeline, "Theresa May said the talks may march on. Two thousand troops arrived.")
    assert found == {}


def test_names_that_hold_a_holiday_are_not_dates(pipeline: Pipeline) -> None:
    assert times(pipeline, "The ship reached Easter Island.") == {}


def test_a_day_before_an_event_is_not_a_rate(pipeline: Pipeline) -> None:
    found = times(pipeline, "The debate comes a day before the vote.")
    assert all(t.kind != "set" for t in found.values())


def test_numeric_dates_follow_the_storys_own_order(pipeline: Pipeline) -> None:
    # A story that writes 13/09/2020 writes its days first, so 02/05/2020 is the 2nd of May.
    found = times(pipeline, "The fair runs from 13/09/2020. Tickets went on sale on 02/05/2020.")
    assert found["02/05/2020"].value == "2020-05-02"
    assert value(pipeline, "Tickets went on sale on 02/05/2020.", "02/05/2020") == "2020-02-05"


def test_windowed_scan_finds_what_a_full_scan_finds() -> None:
    # Patterns run only near trigger words; an expression far from the start must still be whole.
    text = "The committee, after a long and difficult debate about procedure, " * 3 + "met at least the past 26 years."
    assert [(text[c.start : c.end]) for c in grammar(text)] == ["at least the past 26 years"]


@pytest.mark.parametrize(
    "text",
    [
        "On MONDAY, Sept. 3 the Q2 figures for 1998 came in; DAILY at 9 a.m. EST, Tonight.",
        "The İstanbul meeting last ſunday and on Monday",  # letters lower-casing lengthens or keeps apart
        "Seven \u212aelvin days ago, in the 1990s, at 1530 GMT",
    ],
)
def test_trigger_scan_on_lower_case_text_finds_the_case_blind_spans(text: str) -> None:
    # The trigger words are found on the lower-cased text; the spans must be those of a case-blind scan.
    found = [m.span() for m in candidates._triggers(text)]
    assert found == [m.span() for m in candidates._TRIGGER.finditer(text)]


# ------------------------------------------------------- no publication date


def test_without_a_publication_date_relative_values_stay_empty(pipeline: Pipeline) -> None:
    article = tag(pipeline, "Protesters gathered on Saturday. The law was passed on March 3, 2020.", published=None)
    found = {t.text: t for t in article.times}
    assert found["Saturday"].value is None
    assert found["March 3, 2020"].value == "2020-03-03"
    assert NO_DATE_NOTE in article.notes


def test_with_a_publication_date_there_is_no_note(pipeline: Pipeline) -> None:
    assert tag(pipeline, "Protesters gathered on Saturday.").notes == []


# ------------------------------------------------------------ pure functions


def test_normalise_takes_the_tense_it_is_given() -> None:
    assert normalise("Thursday", BASE, tense="past")[0] == "2020-08-13"
    assert normalise("Thursday", BASE, tense="future")[0] == "2020-08-20"
    assert normalise("on Sunday", BASE)[0] == "2020-08-16"
    assert normalise("for Saturday", BASE)[0] == "2020-08-22"
    assert normalise("the past 26 years", None) == ("P26Y", "duration", "duration")
    assert normalise("last Sunday", None) == (None, "date", "relative-no-base")


def test_calendar_holidays() -> None:
    assert cal.easter(2000) == date(2000, 4, 23)
    assert cal.easter(2020) == date(2020, 4, 12)
    assert cal.HOLIDAYS["thanksgiving"](2020) == date(2020, 11, 26)
    assert cal.HOLIDAYS["election day"](2020) == date(2020, 11, 3)
    assert cal.HOLIDAYS["memorial day"](2020) == date(2020, 5, 25)
