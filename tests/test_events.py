"""Event constructions on sentences written for these tests."""

from __future__ import annotations

import pytest

import tidings


def _events(text: str, date: str = "2024-03-12") -> list[tuple[str, str | None, str | None, str, bool]]:
    # every candidate the coder proposes, whatever its score: these test the coder, and the
    # default output threshold moves when the confidence is refitted (test_event_confidence)
    art = tidings.process_text(text, date=date, min_confidence=0.0)
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
    # "neither ... nor" negates both verbs.
    got = _events("Chile neither condemned nor praised the vote in Caracas.")
    assert {code[:2] for code, *_ in got} >= {"11", "05"} and all(neg for *_, neg in got)


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


# -- constructions (issue 6, point 2) -------------------------------------------------


def test_coordinated_objects_through_a_preposition() -> None:
    got = _events("Moldova's government blamed agents from Russia and Belarus for the unrest.")
    targets = {t for code, s, t, _, _ in got if code == "112" and s == "MDAGOV"}
    assert targets == {"RUS", "BLR"}


def test_coordinated_subjects_of_a_joint_act_meet_each_other() -> None:
    # A joint act is one event per pair of parties, not one each way (issue 17: one act, one event).
    got = _events("Hungary, Slovakia and Austria met in Vienna.")
    pairs = {frozenset((s, t)) for code, s, t, _, _ in got if code == "040"}
    assert pairs == {frozenset(p) for p in (("HUN", "SVK"), ("HUN", "AUT"), ("SVK", "AUT"))}
    assert len([code for code, *_ in got if code == "040"]) == 3
    # "met ... to discuss": the discussion is the meeting, not a second event.
    got = _events("Peru and Chile met in Lima to discuss fishing rights.")
    assert [frozenset((s, t)) for _, s, t, _, _ in got] == [frozenset(("CHL", "PER"))]
    # one event, marked symmetric: a dyadic tally in the PETRARCH manner counts it each way
    art = tidings.process_text("Peru and Chile met in Lima to discuss fishing rights.", date="2024-01-01")
    assert [e.symmetric for e in art.events] == [True]
    from tidings.eval.sets.events import directed

    assert {(e.source.actor.code, e.target.actor.code) for e in directed(art.events) if e.source and e.target} == {
        ("PER", "CHL"),
        ("CHL", "PER"),
    }
    # an act with a stated target is not symmetric, and one party acting on itself stays told
    art = tidings.process_text("Peru's president met Chilean officials in Lima.", date="2024-01-01")
    assert not any(e.symmetric for e in art.events)


def test_nominal_events_with_their_agents() -> None:
    got = _events("The crackdown by Iranian riot police left dozens injured.")
    assert any(code == "175" and s == "IRNCOP" for code, s, *_ in got)
    got = _events("Thousands joined protests against the Serbian government in Belgrade on Sunday.")
    assert any(code.startswith("14") and t == "SRBGOV" for code, _, t, _, _ in got)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Kenya handed over the suspects to Ugandan authorities.", ("0841", "KEN", "UGAGOV")),
        ("The Georgian government pinned the blame for the riots on Russia.", ("112", "GEOGOV", "RUS")),
        ("Armenian police resorted to violence against the demonstrators.", ("175", "ARMCOP", "ARMOPP")),
        # The subject undergoes the event noun; its doer comes with "from".
        ("Sweden received assurances from Turkey on Monday.", ("030", "TUR", "SWE")),
        ("Sweden faced criticism from Turkey over the Koran burnings.", ("111", "TUR", "SWE")),
    ],
)
def test_light_and_phrasal_verbs(text: str, want: tuple[str, str, str]) -> None:
    assert want in {(c, s, t) for c, s, t, _, _ in _events(text)}


def test_xcomp_chain_is_one_event() -> None:
    # "agreed to extend the truce": the truce between both parties, not also a bare
    # "agree" (030) or an intent to yield (035).
    got = _events("Israel and Hamas agreed to extend the truce.")
    assert [(c, frozenset((s, t))) for c, s, t, _, _ in got] == [("0871", frozenset(("ISR", "PSEREBHMS")))]
    got = _events("Germany has decided to send tanks to Ukraine.")
    assert ("033", "DEU", "UKR", "intended", False) in got


def test_passive_doer_from_the_attack_it_happened_in() -> None:
    got = _events("Two Ukrainian soldiers were killed in Russian shelling near Kharkiv.")
    assert any(code[:2] in ("19", "20") and s is not None and s[:3] == "RUS" for code, s, *_ in got)


def test_reported_speech_codes_the_claim_and_the_statement() -> None:
    got = _events("The Lebanese army alleged that Israeli forces had shelled a village near Tyre.")
    assert any(code == "194" and s == "ISR" and mod == "reported_claim" for code, s, _, mod, _ in got)
    assert ("112", "LBNMIL", "ISR", "asserted", False) in got
    # A claim of one's own attack claims responsibility (015); a denial denies it (016).
    got = _events("The rebels claimed that they had attacked the army base.")
    assert any(code == "015" and s == "REB" for code, s, *_ in got)
    got = _events("Iran denied that it had attacked the tanker.")
    assert any(code == "016" and s == "IRN" for code, s, *_ in got)
    assert any(code == "190" and neg for code, *_, neg in got)


def test_what_is_asked_makes_the_appeal_specific() -> None:
    # Asked, not done: one appeal to yield (025), no release event.
    got = _events("The United Nations urged Myanmar to release the detained journalists.")
    assert ("025", "IGOUNO", "MMR", "asserted", False) in got
    assert not any(code.startswith("08") for code, *_ in got)
    got = _events("Egypt wants Israel to withdraw its troops from Rafah.")
    assert ("025", "EGY", "ISR", "asserted", False) in got


# -- modality (issue 6, point 4) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "modality"),
    [
        ("Estonia expelled two Russian diplomats on Tuesday.", "161", "asserted"),
        # A coercive act announced for later is a threat (132 threaten with sanctions).
        ("Russia will impose sanctions on Estonia.", "132", "future"),
        ("Germany has decided to send tanks to Ukraine.", "033", "intended"),
        ("The Chilean government could impose a curfew on Santiago if the riots continue.", "132", "hypothetical"),
        ("Bolivian police must release the detained miners, the ombudsman said.", "084", "demanded"),
        # What a law requires someone to do is asked of them, not done.
        ("The new law requires the Chilean president to impose sanctions on Peru.", "163", "demanded"),
        ("The opposition said that Ugandan soldiers had beaten protesters in Kampala.", "182", "reported_claim"),
    ],
)
def test_modality(text: str, code: str, modality: str) -> None:
    assert (code, modality) in {(c, m) for c, _, _, m, _ in _events(text)}


# -- one event, several mentions (issue 6, point 7) ---------------------------------

STORY = (
    "Norway sends food aid to Sudan\n\n"
    "OSLO (Reuters) - Norway sent 500 tonnes of food aid to Sudan on Tuesday, the foreign ministry said. "
    "The shipment is the largest this year."
)


@pytest.mark.parametrize("title", ["Norway sends food aid to Sudan", None])
def test_headline_and_body_are_one_event(title: str | None) -> None:
    art = tidings.process_text(STORY, date="2024-03-14", title=title)
    aid = [e for e in art.events if e.root == "07"]
    assert len(aid) == 1
    ev = aid[0]
    # The body's report is the event: its trigger, its date ("Tuesday"); the headline's is a mention.
    assert ev.trigger.text == "sent" and ev.date == "2024-03-12" and not ev.headline
    assert [(m.trigger.text, m.headline) for m in ev.mentions] == [("sends", True)]
    assert ev.mentions[0].sentence.text == "Norway sends food aid to Sudan"
    assert ev.to_dict()["mentions"][0]["headline"] is True


def test_headline_event_without_a_body_report_stays() -> None:
    text = "Chad closes border with Sudan\n\nN'DJAMENA (AFP) - Chad's government met aid agencies on Monday."
    art = tidings.process_text(text, date="2024-03-14", title="Chad closes border with Sudan")
    heads = [e for e in art.events if e.headline]
    assert heads and all(e.sentence.start == 0 for e in heads)
    assert any(not e.headline for e in art.events)


def test_event_record_with_mentions_validates(article_schema: dict[str, object]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    art = tidings.process_text(STORY, date="2024-03-14", title="Norway sends food aid to Sudan")
    jsonschema.validate(art.to_dict(), article_schema)


def test_the_two_sides_and_their_own_relations() -> None:
    # "their ties" are the two sides' own: each side acts towards the other, never towards nobody.
    text = (
        "Russian President Vladimir Putin spoke with Kazakh President Kassym-Jomart Tokayev on Tuesday, "
        "the Kremlin said. The two sides agreed to deepen their ties."
    )
    art = tidings.process_text(text, date="2023-05-02")
    deepen = [
        (e.source.actor.code if e.source else None, e.target.actor.code if e.target else None)
        for e in art.events
        if e.trigger.text == "deepen"
    ]
    assert [frozenset(pair) for pair in deepen] == [frozenset(("KAZGOV", "RUSGOV"))]  # one act between them


def test_a_title_given_apart_is_the_headline() -> None:
    # JSONL and HTML carry the title outside the text: it still opens the story as its headline.
    body = STORY.split("\n\n", 1)[1]
    art = tidings.process_text(body, date="2024-03-14", title="Norway sends food aid to Sudan")
    assert art.text.startswith("Norway sends food aid to Sudan\n\nOSLO")
    aid = [e for e in art.events if e.root == "07"]
    assert len(aid) == 1 and [m.trigger.text for m in aid[0].mentions] == ["sends"]
    assert art.dateline is not None and art.text[art.dateline.start : art.dateline.end] == "OSLO"


# --- actors of events: who did it and to whom (sentences written for these tests) ---------


def _pairs(text: str, date: str = "2024-03-12") -> set[tuple[str, str | None, str | None]]:
    return {(code, s, t) for code, s, t, _, _ in _events(text, date)}


def _targets_of(text: str, root: str, date: str = "2024-03-12") -> set[str | None]:
    return {t for code, _, t, _, _ in _events(text, date) if code.startswith(root)}


@pytest.mark.parametrize(
    ("text", "root", "country"),
    [
        # a bomb with no named doer: the country it went off in (ICEWS-style)
        ("Two Kenyan soldiers were killed by a roadside bomb near the town of Mandera on Friday.", "1", "KEN"),
        ("A car bomb outside the Somali city of Baidoa killed four police officers.", "1", "SOM"),
        # an arrest with no named doer: the authorities of the country it happened in
        ("A French aid worker was arrested in Niger for spying, his employer said.", "17", "NER"),
    ],
)
def test_unnamed_doer_is_the_country_it_happened_in(text: str, root: str, country: str) -> None:
    got = _events(text)
    assert any(code.startswith(root) and s is not None and s[:3] == country for code, s, _, _, _ in got), got


def test_a_named_doer_is_kept_over_the_place() -> None:
    got = _pairs("Somali police arrested a Kenyan journalist in Mogadishu on Monday.")
    assert any(code.startswith("17") and s == "SOMCOP" for code, s, _ in got)


def test_giving_targets_the_recipient_not_the_thing_given() -> None:
    assert "MDA" in _targets_of("Romania is providing military intelligence and radar images to Moldova.", "07")


def test_taking_targets_whom_it_is_taken_from() -> None:
    got = _targets_of("Malian police confiscated rifles and explosives from Tuareg armed groups.", "17")
    assert any(t is not None and t.startswith("MLI") for t in got), got


def test_a_mobilisation_does_not_target_the_own_forces() -> None:
    assert "VEN" in _targets_of("Guyana mobilized army reservists for a possible war against Venezuela.", "15")


def test_threat_targets_the_subject_of_its_condition() -> None:
    assert "USA" in _targets_of(
        "China threatened to suspend the trade talks if the United States goes ahead with the tariffs.", "13"
    )
    assert "THA" in _targets_of("Cambodia threatened to close the border unless Thailand withdraws its troops.", "13")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Chilean students went on a hunger strike to demand the resignation of President Gabriel Boric.", "CHL"),
        ("Thousands of Kenyans marched in Nairobi, calling for independence from the Kenyan government.", "KEN"),
        ("Hundreds of people blocked roads in Hong Kong in defiance of Chinese authorities.", "CHN"),
    ],
)
def test_a_protest_targets_whom_its_demand_names(text: str, target: str) -> None:
    got = [t for code, _, t, _, _ in _events(text) if code.startswith(("14", "17"))]
    assert any(t is not None and t[:3] == target for t in got), _events(text)


def test_protesters_are_not_the_target_of_a_protest() -> None:
    got = _events("Peruvian demonstrators rioted following a peaceful demonstration.")
    assert not any(code.startswith("14") and t is not None and t.endswith("OPP") for code, _, t, _, _ in got)


def test_opposed_to_is_active() -> None:
    got = _pairs("Japan is opposed to Chinese mediation in the talks with South Korea, an aide said.")
    assert any(code.startswith("12") and s == "JPN" and t == "CHN" for code, s, t in got), got


def test_nearest_slot_wins_over_a_nested_one() -> None:
    # "refused to respond to a demand from X ... with Y": the demand's maker, not Y.
    got = _pairs("The Colombian president refused to respond to a demand from Venezuela to end his talks with Brazil.")
    assert any(code.startswith("12") and t is not None and t.startswith("VEN") for code, s, t in got), got


def test_passive_conjunct_takes_the_surface_subject() -> None:
    got = _pairs("The Bolivian minister was indicted by a court in La Paz and will resign.")
    assert not any(s is not None and s.endswith("JUD") and code.startswith("03") for code, s, _ in got)


def test_demand_noun_clause_names_who_is_asked() -> None:
    got = _targets_of("The rebels insisted on their demands that Colombia's government free the prisoners.", "10")
    assert "COLGOV" in got, got


def test_partners_of_a_bloc_stand_for_the_bloc() -> None:
    got = _targets_of("Portugal demanded that its European Union partners reject the proposal.", "10")
    assert "IGOEUREEC" in got, got


def test_located_phrase_is_not_the_target() -> None:
    # "streets in Lima" are streets: the act is aimed at whom it defies, not at Peru.
    got = _events("Crowds blocked streets in Lima in defiance of the Chilean government.")
    assert any(t == "CHLGOV" for _, _, t, _, _ in got), got
    assert not any(t == "PER" for _, _, t, _, _ in got), got


def test_sent_to_a_country_to_investigate() -> None:
    assert "BIH" in _targets_of("The United Nations sent twenty observers to Bosnia to investigate the killings.", "09")


def test_refusal_despite_pressure_targets_who_pressed() -> None:
    got = _targets_of("The minister declined to resign despite growing pressure by the Kenyan parliament.", "12")
    assert any(t is not None and t.startswith("KEN") for t in got), got


def test_conducted_event_noun_takes_the_verb_subject() -> None:
    got = _pairs("The United States speeded up the withdrawal of its forces from Syria on Tuesday.")
    assert any(code.startswith("087") and s == "USA" and t == "SYR" for code, s, t in got), got


def test_object_after_as_is_the_target() -> None:
    got = _pairs("Hungary denounced as an ugly crime Romania's suppression of ethnic Hungarian protests in Cluj.")
    assert any(code.startswith("11") and t == "ROU" for code, s, t in got), got


def test_target_through_the_doer_of_a_participle() -> None:
    got = _targets_of("The police launched an investigation into crimes committed by Serbian militias.", "09")
    assert any(t is not None and t.startswith("SRB") for t in got), got


def test_martial_law_falls_on_the_own_country() -> None:
    assert "THA" in _targets_of("The Thai government announced that it will impose martial law.", "1")


def test_countries_as_of_the_article_date() -> None:
    old = _events("Sudanese rebels shelled Juba on Sunday.", date="2005-01-10")
    new = _events("Sudanese rebels shelled Juba on Sunday.", date="2015-01-10")
    assert any(t is not None and t.startswith("SDN") for code, _, t, _, _ in old if code.startswith("19")), old
    assert any(t is not None and t.startswith("SSD") for code, _, t, _, _ in new if code.startswith("19")), new


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The junta declared a state of siege in Bolivia on Friday.", "1724"),
        ("Italy announced a suspension of air links with Libya.", "160"),
        ("Indian troops remained on alert along the border.", "150"),
        ("A Dutch national has been put under investigation in Belgium.", "090"),
        ("The Japanese prime minister issued a stern reminder to North Korea.", "100"),
    ],
)
def test_lexicon_entries_added_for_actors(text: str, code: str) -> None:
    assert any(c == code for c, *_ in _events(text)), _events(text)


def _days(text: str, date: str, root: str) -> set[str | None]:
    """The days of the events of one root the text tells (every candidate); empty when none."""
    return {e.date for e in tidings.process_text(text, date=date, min_confidence=0.0).events if e.root == root}


def test_a_dated_dateline_is_when_the_story_was_filed_not_when_the_act_happened() -> None:
    # After a headline the parser takes "DUBAI" for the subject of "told" and hangs "June 7"
    # on it: that is when the story was filed; the act's own day is "on Tuesday".
    text = (
        "Tehran vows Saudi Arabia will pay for backing the raid\n\n"
        "DUBAI, June 7 (Reuters) - Iran's President Ebrahim Raisi told a crowd on Tuesday that "
        "Saudi Arabia would be punished for its support of the raid."
    )
    assert _days(text, "2023-06-07", "13") == {"2023-06-06"}
    # With no day of its own, the act takes the dateline's day.
    text = "CAIRO, April 9 (Reuters) - Egypt's foreign minister warned that Israel would pay for the raid."
    assert _days(text, "2024-04-11", "13") == {"2024-04-09"}


def test_a_day_on_an_open_complement_dates_the_act() -> None:
    # The parser hangs "on Monday" on "issuing"; the day is when the issuing resumed, not the
    # lede's Thursday.
    text = (
        "Chile and Canada held talks on Thursday on consular safety.\n"
        "Canada quietly resumed issuing visas in Chile on Monday after receiving guarantees about "
        "the safety of its staff."
    )
    assert _days(text, "2017-11-09", "08") == {"2017-11-06"}


def test_a_cut_told_as_decided_is_the_cut_and_is_dated_when_told() -> None:
    # "will end ... in March 2027": the period is when the decision takes effect; the news is
    # the announcement, on the day it was told, and it is a reduction (16x), not a threat.
    text = "Canada will end its special visa programme for Chilean students in March 2027, officials said on Monday."
    art = tidings.process_text(text, date="2026-12-09", min_confidence=0.0)
    events = [e for e in art.events if e.trigger.text == "end"]
    assert events and {(e.root, e.date) for e in events} == {("16", "2026-12-07")}
    text = "The Canadian minister decided to suspend the aid programme for Chile."
    assert {e.root for e in tidings.process_text(text, date="2026-12-09", min_confidence=0.0).events} == {"16"}
    # Under a condition the same words threaten.
    text = "Canada will end its visa programme for Chile if the talks fail, officials said on Monday."
    assert {e.root for e in tidings.process_text(text, date="2026-12-09", min_confidence=0.0).events} == {"13"}
