"""Event constructions on sentences written for these tests."""

from __future__ import annotations

import pytest

import tidings


def _events(text: str, date: str = "2024-03-12") -> list[tuple[str, str | None, str | None, str, bool]]:
    art = tidings.process_text(text, date=date)
    return [
        (
            e.cameo,
            e.source.actor.code if e.source else None,
            e.target.actor.code if e.target else None,
            e.modality,
            e.negated,
        )
        for e in art.events
    ]


def test_passive_with_agent() -> None:
    got = _events("Dozens of protesters were detained by Georgian police in Tbilisi on Monday.")
    assert ("173", "GEOCOP", "GEOOPP", "asserted", False) in got


def test_coordinated_targets_make_one_event_each() -> None:
    got = _events("The Kenyan government accused Uganda and Tanzania of arming the rebels.")
    targets = {t for code, s, t, _, _ in got if code == "112"}
    assert {"UGA", "TZA"} <= targets


def test_negation_and_refusal() -> None:
    got = _events("Serbia did not recognise Kosovo, the foreign ministry said.")
    assert any(code == "054" and neg for code, _, _, _, neg in got)
    # A cooperative act refused is a rejection (CAMEO 124 "refuse to yield"), not a negated retreat.
    got = _events("Armenia refused to withdraw its troops from the border, officials said.")
    assert any(code == "124" and not neg for code, _, _, _, neg in got)
    assert not any(code.startswith("087") for code, *_ in got)


def test_intention_recodes_to_express_intent() -> None:
    got = _events("Turkey agreed to release the detained Greek soldiers, the defence ministry said.")
    assert any(code == "0353" and s == "TUR" and mod == "intended" for code, s, _, mod, _ in got)
    got = _events("Norway is willing to send food aid to Sudan, its foreign minister said.")
    assert any(code.startswith("03") and s == "NOR" for code, s, _, _, _ in got)


def test_future_coercion_is_a_threat() -> None:
    got = _events("The Chilean government will impose a curfew on the capital.")
    assert any(code.startswith("13") and mod == "future" for code, _, _, mod, _ in got)


def test_demand_by_speech_act() -> None:
    got = _events("The European Union said Belarus must release all political prisoners.")
    # A demand that Belarus release prisoners is a demand that it yield (105), one event:
    # the release itself, only asked for, is folded into it.
    assert ("105", "IGOEUREEC", "BLR", "asserted", False) in got
    assert not any(code.startswith("08") for code, *_ in got)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Belarusian riot police used water cannon against protesters in Minsk.", "175"),
        ("Russian forces shelled the Ukrainian town of Kupiansk overnight.", "194"),
        ("Estonia expelled two Russian diplomats on Tuesday.", "161"),
        ("The United States imposed sanctions on Iranian oil companies.", "163"),
    ],
)
def test_lexicon_codes(text: str, code: str) -> None:
    assert code in {c for c, *_ in _events(text)}
