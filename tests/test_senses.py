"""Word senses and modality: events that are not events (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

import tidings
from tidings.errors import TidingsError
from tidings.events.senses import default_rules, load_rules, parse_rule, story_domain
from tidings.model import Article
from tidings.pipeline import Pipeline

Coded = tuple[str, str | None, str | None, str, bool]


def _events(text: str, date: str = "2024-03-12") -> list[Coded]:
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


def _asserted(text: str) -> list[str]:
    """The codes of the events told as happening (not negated)."""
    return [code for code, _, _, _, neg in _events(text) if not neg]


# --------------------------------------------------------------------------- #
# senses: the same verb, different acts
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    "text",
    [
        "A strong earthquake struck eastern Turkey on Monday, officials said.",
        "A powerful storm hit Mozambique on Friday, killing twelve people.",
        "Floods killed at least twelve people in northern Italy on Tuesday.",
        "Twelve people were killed in the floods in northern Italy on Tuesday.",
    ],
)
def test_natural_forces_are_no_actors(text: str) -> None:
    assert _asserted(text) == []


def test_strike_by_weapons_is_force_not_a_labour_strike() -> None:
    got = _events("Israeli warplanes struck Hezbollah positions in southern Lebanon on Sunday.")
    assert [c for c, *_ in got] == ["195"]  # aircraft: aerial weapons
    got = _events("Hungarian troops struck rebel positions near the border on Sunday.")
    assert got and all(c.startswith("19") for c, *_ in got)


def test_strike_by_workers_is_a_labour_strike() -> None:
    got = _events("Doctors in Kenya struck on Monday over unpaid salaries.")
    assert [c for c, *_ in got] == ["143"]


def test_strike_a_deal_and_strike_down_a_law() -> None:
    assert [c for c, *_ in _events("Iran and Oman struck a deal on Monday.")] == ["057"]
    # A court that strikes down a decree rejects it (12x); no labour strike, no force.
    assert [c for c, *_ in _events("The Supreme Court struck down the president's decree on Friday.")] == ["120"]


def test_attack_on_a_plan_is_criticism() -> None:
    assert [c for c, *_ in _events("The opposition leader sharply attacked the government's budget plan.")] == ["111"]
    got = _events("Gunmen attacked a police station in northern Nigeria on Tuesday.")
    assert [c for c, *_ in got] == ["190"]


def test_beating_people_and_beating_a_team() -> None:
    assert [c for c, *_ in _events("Police beat protesters in the centre of Minsk on Sunday.")] == ["182"]
    assert _asserted("Brazil beat Argentina 3-1 in Rio de Janeiro on Sunday.") == []
    got = _events("Fans celebrated in London after Chelsea beat Tottenham 3-0, the British prime minister said.")
    assert not [e for e in got if e[0].startswith("18")]
    assert _asserted("Mexico defeated the United States in the final on Sunday.") == []


def test_a_clash_of_words_and_a_clash_in_the_street() -> None:
    assert [c for c, *_ in _events("Ministers clashed over the budget plan on Tuesday.")] == ["110"]
    got = _events("Mexican troops clashed with cartel gunmen in Sinaloa on Friday.")
    assert [c for c, *_ in got] == ["190"]


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan government has been fighting corruption for years.",
        "The Chinese company launched a hostile takeover bid for its German rival.",
        "Prisoners in Iran's Evin jail make crafts to kill time, the warden said.",
        "Egypt met the deadline for the payment on Monday.",
        "The sanctions send a clear message to Moscow, the minister said.",
        "Kenyan police searched the rubble for survivors on Tuesday.",
        "His lawyers said he would appeal the verdict.",
    ],
)
def test_figures_of_speech_are_no_events(text: str) -> None:
    assert _asserted(text) == []


def test_the_literal_sense_stays() -> None:
    assert [c for c, *_ in _events("North Korea launched two ballistic missiles on Thursday.")] == ["195"]
    assert [c for c, *_ in _events("Jordan appealed to the United Nations for aid on Monday.")] == ["023"]
    # Demands met are a concession; a bill killed is rejected.
    assert [c for c, *_ in _events("The government met the strikers' demands on Monday.")] == ["080"]
    assert [c for c, *_ in _events("The senators killed the bill on Tuesday.")] == ["120"]


def test_crowds_breaking_into_shops_riot() -> None:
    assert [c for c, *_ in _events("Crowds broke into shops in Port Moresby on Wednesday.")] == ["145"]


def test_call_for_an_end_to_fighting_is_an_appeal() -> None:
    got = _events("The Norwegian foreign minister called for an immediate end to the fighting in Sudan.")
    assert got and all(c.startswith("02") for c, *_ in got)


SPORT = """Lyon beat Marseille in bad-tempered derby

Lyon came from a goal down to beat Marseille 3-1 on Sunday, with their striker scoring twice in the second half.

Marseille attacked from the opening whistle and their winger shot low past the goalkeeper in the 12th minute.

Players from both teams clashed near the touchline after a late tackle, and the referee sent off a Marseille defender.

The Marseille coach blamed the referee for the defeat, while the Lyon coach praised his squad and the fans.
"""

BUSINESS = """Danish brewer launches hostile bid for Swedish rival

The Danish brewer launched a hostile takeover bid for its Swedish rival on Tuesday, offering shareholders a premium.

The Swedish company struck back within hours and called the offer too low for its shareholders.

"This bid is a raid on our owners and we will fight it all the way," the brewer's boss said.

Analysts predicted a long battle for control and a price war in the beer market.
"""


@pytest.mark.parametrize("text", [SPORT, BUSINESS])
def test_sport_and_business_stories_have_no_force(text: str) -> None:
    got = _events(text)
    assert not [e for e in got if e[0][:2] in ("14", "15", "16", "17", "18", "19", "20")], got


def test_story_domain() -> None:
    pipe = Pipeline(stages=["clean", "nlp"])
    _, ctx = pipe.apply(Article(raw=SPORT))
    assert ctx.doc is not None and story_domain(ctx.doc) == "sport"
    _, ctx = pipe.apply(Article(raw=BUSINESS))
    assert ctx.doc is not None and story_domain(ctx.doc) == "business"
    # One sentence tells no story: too few domain words.
    _, ctx = pipe.apply(Article(raw="The bank's shareholders sold their shares."))
    assert ctx.doc is not None and story_domain(ctx.doc) == "political"


def test_rules_file_loads_and_bad_lines_say_where() -> None:
    rules = default_rules()
    assert ("strike" in {lemma for _, lemma in rules}) and rules[(False, "strike")]
    with pytest.raises(TidingsError, match=r"\[T047\] x.tsv:3: unknown condition 'colour=red'"):
        parse_rule("strike\tcolour=red\tnone", "x.tsv:3")
    with pytest.raises(TidingsError, match="no word list 'nothing_here'"):
        parse_rule("strike\tsubj=@nothing_here\tnone", "x.tsv:4")
    with pytest.raises(TidingsError, match="T047"):
        parse_rule("strike\tsubj=worker\t999", "x.tsv:5")
    with pytest.raises(TidingsError, match="T047"):
        parse_rule("strike subj=worker", "x.tsv:6")


def test_rules_file_order_and_negated_conditions(tmp_path: Path) -> None:
    path = tmp_path / "senses.tsv"
    path.write_text("# a comment\nstrike\tsubj!=worker\t190\nn:strike|hit\tscore=yes\tnone\tnote\n", encoding="utf-8")
    first, second = load_rules(path)
    assert first.verbs == {"strike"} and first.conditions[0].negate and first.reading == "190"
    assert second.nouns == {"strike"} and second.verbs == {"hit"} and second.reading is None


# --------------------------------------------------------------------------- #
# modality: what is told is not always what happened
# --------------------------------------------------------------------------- #


def test_no_pressure_is_no_pressure() -> None:
    got = _events("There was no pressure from Washington on India to cut its oil imports, the minister said.")
    assert got and all(neg for *_, neg in got)


def test_no_one_did_it() -> None:
    got = _events("No country has recognised the Taliban government since 2021.")
    assert got and all(neg for *_, neg in got)


def test_held_off_on_imposing() -> None:
    got = _events("The European Union held off on imposing new sanctions on Russia on Monday.")
    assert got and all(neg for *_, neg in got)
    got = _events("Germany refrained from criticising China during the visit.")
    assert all(neg for *_, neg in got)


def test_condition_is_no_event_but_the_threat_is() -> None:
    got = _events("Israel warned that if Iran attacked its territory, Israel would strike back.")
    assert not [e for e in got if e[1] == "IRN" and e[0][:2] in ("13", "18", "19")]
    assert any(c.startswith("13") and s and s.startswith("ISR") for c, s, *_ in got)


def test_what_is_threatened_is_no_event() -> None:
    got = _events("Iran threatened to launch missiles at Israel on Tuesday.")
    assert [c[:2] for c, *_ in got] == ["13"]


def test_questions_are_no_events() -> None:
    assert _events("Why would Russia attack a NATO member?") == []
    assert _events('"Who will protect us when the army attacks our village?" the elder asked.') == []


def test_an_act_talked_about_is_not_done() -> None:
    assert _asserted("Freeing the Russian spies would anger Ukrainian hardliners, officials in Kyiv said.") == []
    assert _asserted("Imposing new sanctions on Iran would hurt European companies, the German minister said.") == []


def test_counterfactual() -> None:
    assert _events("Without the ruling, Trump's order would have expelled thousands of Mexican migrants.") == []


def test_comparison() -> None:
    assert _events("The minister said it was like a kidnapper whose demands are met by the government.") == []


def test_generic_and_usual_statements() -> None:
    assert _events("Rebel groups in the region usually kidnap foreign workers for ransom.") == []
    text = "Malaria study\n\nResearchers studied the disease in Kenya.\n\nMalaria parasites invade red blood cells."
    assert not [e for e in _events(text) if e[0] == "192"]
    # A report of abuse keeps its event: "routinely" is not "usually".
    assert _events("Soldiers routinely beat detainees in the prison, a court was told.")


def test_may_happen_is_no_event_unless_it_is_force() -> None:
    assert _asserted("Officials said China could send aid to Nepal next month.") == []
    got = _events("Russia could attack Moldova next year, the Moldovan president said.")
    assert got and all(c.startswith("13") for c, *_ in got)


def test_participle_of_a_state() -> None:
    assert not [
        e for e in _events("Drones hit the Russian-occupied nuclear plant in Ukraine on Sunday.") if e[0] == "192"
    ]


def test_calling_something_names_it() -> None:
    # "call X Y" says what X is: criticism when Y finds fault, else no appeal (02) at all.
    assert [c for c, *_ in _events("Taliban officials called the expulsions cruel.")] == ["111"]
    assert [c for c, *_ in _events("Putin called the talks constructive.")] == ["013"]
    assert _events("Analysts called it the end of an era.") == []
    assert [c for c, *_ in _events("Iran described the Israeli raid as a cowardly act of terrorism.")] == ["111"]


def test_what_is_hoped_or_feared_is_no_event() -> None:
    got = _events("Estonian officials fear that Russia will attack the Baltic states.")
    assert not [e for e in got if e[1] == "RUS"]
    got = _events("The two presidents expressed hope that the talks would help Turkey and Greece cooperate.")
    assert not [e for e in got if e[0].startswith("03") and e[3] == "hypothetical"]


# --------------------------------------------------------------------------- #
# the right code: a trigger's sense decides the root, not the verb alone
# --------------------------------------------------------------------------- #


def _codes(text: str) -> list[str]:
    return [code for code, *_ in _events(text)]


def test_concern_about_an_act_disapproves_of_it() -> None:
    # CAMEO puts concern voiced about another's act under disapproval (11x) ...
    assert "110" in _codes(
        "The Dutch foreign minister voiced alarm over the detention of two aid workers by Ethiopian police."
    )
    # ... and concern about how things may go under pessimism (012).
    assert _codes("The Dutch foreign minister expressed concern that the peace talks could collapse.") == ["012"]


def test_a_report_of_an_event_is_not_the_reporters_act() -> None:
    got = _events("Villagers reported heavy clashes between the army and the rebels near the dam.")
    assert not [e for e in got if e[0].startswith("01")]
    assert [c for c, *_ in got] and all(c.startswith("19") for c, *_ in got)


def test_a_legal_charge_is_coercion_a_charge_that_is_an_accusation() -> None:
    assert _codes("A Serbian prosecutor charged the former mayor with fraud on Monday.") == ["173"]
    assert _codes("The opposition leader was charged in a Belgrade court on Friday.") == ["173"]
    assert [c[:2] for c in _codes("The Serbian opposition charged that the police had beaten the students.")][:1] == [
        "11"
    ]


def test_flying_to_a_place_is_a_visit_flying_someone_is_none() -> None:
    assert _codes("Canada's foreign minister flew to Beijing on Sunday.") == ["042"]
    assert _asserted("Army helicopters flew the wounded soldiers to the capital.") == []
    assert _asserted("The delegation came to our village on Monday.") == []


def test_forces_that_arrive_are_deployed_not_visiting() -> None:
    got = _codes(
        "The first contingent of Rwandan soldiers for the U.N. peacekeeping mission arrived in Bangui on Tuesday."
    )
    assert got == ["074"]
    assert _codes("Turkish troops arrived in the border town on Monday.") == ["154"]


def test_warships_sent_to_patrol_show_force() -> None:
    assert _codes("Beijing sent warships to patrol the disputed waters on Friday.") == ["154"]


@pytest.mark.parametrize(
    "text",
    [
        "The government failed to pay the teachers on time.",
        "Researchers suggested that the drought may have worsened the famine.",
        "The Serbian minister insisted that the police had acted lawfully.",
        "The prime minister demonstrated his commitment to reform.",
        "The army released casualty figures on Monday.",
        "The president said Ghana would defend its territory.",
        "His remarks were met with loud boos from the crowd.",
        "Polish lawmakers are debating a bill on abortion.",
        "Officials spoke of a growing security threat from Russia.",
        "The war has killed more than 10,000 people.",
        "The speaker spoke before lawmakers on Tuesday.",
        "The government plans to boost defence spending.",
        "Investors worried that the bank would fail.",
        "The ruling party became embroiled in controversy over the video.",
        "He was able to support his family and help his parents.",
        "Her lawyers said they would appeal.",
    ],
)
def test_words_that_name_no_political_act(text: str) -> None:
    assert _asserted(text) == []


def test_aid_organisations_are_no_aid() -> None:
    # "aid" read as a verb before "organisations" gives no aid (06x/07x); the appeal (023) stays.
    assert not [c for c in _codes("Ministers appealed to aid organisations for tents.") if c[:2] in ("06", "07")]


def test_insist_and_suggest_ask_only_when_they_ask() -> None:
    assert [c[:2] for c in _codes("The Serbian minister insisted that Kosovo must withdraw its police.")] == ["10"]
    assert _codes("The EU foreign policy chief suggested talks between Serbia and Kosovo.")[:1] == ["020"]
    # The parser can read a clause's subject as the object of "insisted": still a claim.
    text = (
        "The United States defended the right of Russian troops to fire on militants in Chechnya and insisted "
        "unrest there reflected old ethnic tensions."
    )
    assert not any(c.startswith("10") for c in _codes(text))
    assert [c[:2] for c in _codes("The Bolivian opposition insisted on a recount.")] == ["10"]


def test_defending_words_and_fighting_alongside() -> None:
    assert "052" in _codes("The minister defended the decision to close the border.")
    assert _codes("Chadian troops fought alongside French forces in Mali.") == ["062"]


def test_people_seized_are_abducted_or_arrested() -> None:
    assert _codes("Gunmen seized two Italian engineers in southern Nigeria.") == ["181"]
    assert _codes("Police seized the suspect at his home in Lagos.") == ["173"]
    assert not [c for c in _codes("Rebel fighters seized the towns of Kiwanja and Rutshuru.") if c.startswith("18")]


def test_crowds_block_and_surround_in_protest() -> None:
    assert _codes("Protesters blocked the main highway into the capital.") == ["144"]
    assert _codes("Thousands of nurses surrounded the parliament in Nairobi.") == ["141"]


def test_panels_and_appeals_and_naming() -> None:
    assert _codes("The Serbian government set up a commission to investigate the killings.") == ["090"]
    assert _codes("Germany encouraged Serbia to recognise Kosovo.")[0].startswith("02")
    assert _codes("The Ukrainian president called the shelling a massacre.") == ["111"]
    assert _codes("The prime minister brushed off the criticism.") == ["120"]


def test_diplomatic_rows_codes() -> None:
    assert _codes("Hungary denounced the detention of its journalists in Serbia.") == ["111"]
    assert _codes("Lithuania is withdrawing its ambassador from Belarus.") == ["161"]
    assert _codes("Police ordered the protesters out of the square.") == ["174"]
    assert _codes("The law was blocked by a federal judge on Friday.") == ["120"]


def test_backing_told_of_a_noun_describes_it() -> None:
    assert not [c for c in _codes("Rebels, backed by Rwandan troops, seized the town.") if c.startswith("05")]


WEATHER = """Storm warnings as heavy rain lashes the province

Heavy rain and hail lashed the province on Thursday, and the weather service warned of more storms.

The disaster management centre said the storm had flooded roads and damaged homes in two towns.

The provincial minister urged the public to limit travel during the storm and to avoid flooded rivers.

He encouraged communities to report blocked drains and said rescue teams were on standby.

"Warnings issued by the weather service must be treated as measures to save lives," he said.

Forecasters said more rain, hail and strong winds would hit the province on Friday, with flooding likely.
"""

FIRMS = """Rival brewers fight over takeover bid

The Finnish brewer rejected the hostile takeover bid from its Swedish rival on Monday.

Its board urged shareholders to ignore the offer and said the price was far too low.

The company also sued its rival in a Helsinki court, accusing it of misusing confidential information.

The Swedish company blamed a price war in the beer market for its falling profits and sales.

Analysts said shares of both companies fell, and investors worried about a long battle for the market.
"""


@pytest.mark.parametrize("text", [WEATHER, FIRMS])
def test_appeals_and_suits_in_weather_and_business_stories_are_no_political_events(text: str) -> None:
    assert _asserted(text) == []


def test_appeals_to_the_public_about_safety_are_no_events() -> None:
    assert _asserted("The mayor urged residents to stay indoors and avoid flooded roads.") == []
    assert _asserted("The board urged shareholders to reject the offer.") == []


def test_new_rule_conditions_parse() -> None:
    rule = parse_rule("insist\tcomp!=must|should\tnone", "x.tsv:1")
    assert rule.conditions[0].key == "comp" and rule.conditions[0].negate
    assert parse_rule("appeal\tbare=yes\tnone", "x.tsv:2").conditions[0].key == "bare"
    assert parse_rule("back\tdescribed=yes\tnone", "x.tsv:3").conditions[0].key == "described"
    with pytest.raises(TidingsError, match="T047"):
        parse_rule("appeal\tbare=no\tnone", "x.tsv:4")


# --------------------------------------------------------------------------- #
# modality: asked, planned, accused of, talked about
# --------------------------------------------------------------------------- #


def test_should_asks_as_must_does() -> None:
    got = _events("The French foreign minister said Iran should release the detained French citizens.")
    assert [c[:2] for c, *_ in got] == ["02"]  # an appeal; the release is not told as done
    got = _events("Iran must release the detained French citizens, the French foreign minister said.")
    assert [c[:2] for c, *_ in got] == ["10"]
    # What one side should press another to do is asked of no one yet.
    got = _events("The Iranian president told Macron that Western countries should pressure Israel to end the war.")
    assert [c[:2] for c, *_ in got] == ["02"]


def test_announced_it_would_is_an_intention() -> None:
    got = _events("Norway announced it would provide $10 million in aid to Sudan.")
    assert got == [("033", "NOR", "SDN", "future", False)]


def test_what_one_is_accused_of_is_not_told_as_done() -> None:
    assert [c[:2] for c in _codes("Serbia accused Kosovo of attacking Serbian villages.")] == ["11"]
    got = _codes(
        "Moscow blamed the explosion on Kyiv, saying Ukrainian saboteurs had attacked the bridge, wounding two guards."
    )
    assert [c[:2] for c in got] == ["11"]
    got = _codes("A Belarusian court jailed the activist for insulting the president.")
    assert [c[:2] for c in got] == ["17"]


def test_acts_talked_about_planned_or_scheduled() -> None:
    got = _events("Qatar has been hosting talks with the Taliban on releasing the prisoners.")
    assert not [e for e in got if e[0].startswith("08")]
    got = _events("Troops launched a rescue operation to free the hostages.")
    assert all(mod != "asserted" for c, _, _, mod, _ in got if c.startswith(("08", "03")))
    assert _events("The Serbian president is due to meet the EU envoy in Brussels.")[0][3] == "future"
    assert _asserted("Assange feared being extradited to the United States.") == []
    assert _asserted("His fear of being extradited kept him in the embassy.") == []
    assert _asserted("Venezuela would have to reform its laws to allow foreign investment.") == []


def test_a_negated_frame_holds_back_its_act() -> None:
    got = _events("The minister said police would not allow protesters to occupy the square.")
    assert not [e for e in got if e[0].startswith("19") and not e[4]]
    got = _events("The embassy said China had never encouraged or supported cyberattacks.")
    assert got and all(neg for *_, neg in got)
    got = _events("Police did not arrest the protesters but dispersed them with tear gas.")
    assert ("175", "COP", None, "asserted", False) in [(c, s, None, m, n) for c, s, _, m, n in got]


def test_slogans_and_hopes_are_no_acts() -> None:
    assert _asserted('Protesters chanted "Release our leaders" outside the court.') == []
    assert _asserted("He said he hoped the visit would lead to direct talks between the two governments.") == []


def test_warnings_threaten_only_with_a_sanction_or_force() -> None:
    assert _asserted("The French president warned that a new cycle of reprisals could set the region ablaze.") == []
    assert _codes("The Kenyan interior minister warned that anyone caught looting would be prosecuted.") == ["130"]
    got = _events("China's ambassador warned that the Chinese government would not sit on its hands.")
    assert [c[:2] for c, *_ in got] == ["13"]


def test_descriptions_are_no_acts() -> None:
    assert _asserted("The rule applies to the children of a foreign occupying force.") == []
    got = _events(
        "Ghana and Togo, the only two coastal states to have signed defence treaties with France, condemned the plan."
    )
    assert not [e for e in got if e[0] == "057"]


def test_what_is_said_of_the_future_or_of_others() -> None:
    # a sanction to come threatens (130); saying what something is, in words of fault, criticises (111)
    assert _codes("The rebel spokesman said the attacks will not go unpunished.") == ["130"]
    got = _events("The Italian government said Italy would respond firmly to any attack on its nationals abroad.")
    assert [(c, t) for c, _, t, *_ in got] == [("130", None)]  # France is the one threatening, not its target
    assert _asserted("The airline said it would respond shortly to a request for comment.") == []
    # the sanctions in place may be told, but neither a threat nor their lifting
    got = _asserted("She said the firms would not return until EU sanctions on the regime are lifted.")
    assert not [c for c in got if c[:2] in ("13", "08")]
    assert _codes("The Kremlin said the referendum was illegal.") == ["111"]
    assert _asserted("The minister said the army was ready.") == []


def test_wanting_a_recount_and_working_together() -> None:
    assert _codes("Opposition leaders said they wanted a recount.") == ["100"]
    got = _events('"We will work together," the Japanese prime minister told the Indian president.')
    assert got and got[0][0] == "031" and got[0][3] == "future"
    # "wanted X and accused Y": the accusation is the opposition's own act, not asked of anyone
    got = _events("Opposition leaders said they wanted a recount and accused the government of fraud.")
    assert [(c[:2], m) for c, _, _, m, _ in got if c.startswith("11")] == [("11", "asserted")]


def test_practices_conditions_and_instruments() -> None:
    # a simple present kept under a past verb of saying tells a practice, and so its aim
    assert _asserted("The militia has said before that it kidnaps travellers to fund its fighters.") == []
    got = _asserted("The firm was allowed to operate on the condition that it would provide water to the villages.")
    assert not [c for c in got if c.startswith("07")]  # the permission may be told, not the water
    # the weapons used in an attack are its instrument: force, not police coercion (175)
    assert _codes("Azerbaijani forces opened fire on Armenian positions, using artillery and mortars.") == ["193"]
    assert _codes("Police used tear gas to disperse the crowd.") == ["175"]
    assert _asserted("China said it would take steps to protect the rights of Chinese firms.") == []


def test_one_threat_per_threat() -> None:
    assert [c[:2] for c in _codes("Israel said it would retaliate against Iran.")] == ["13"]
    assert _codes("Russia warned the United States against sending long-range missiles to Ukraine.") == ["130"]
    assert _codes("China's foreign ministry said the United States should stop interfering in its affairs.") == ["020"]
    assert _codes("Kenya will deploy 1,000 police officers to Haiti.") == ["154"]


def test_meeting_for_talks_is_held_not_intended() -> None:
    # a meeting held for talks consults (040); agreeing to meet for talks is the intent (036)
    got = _events("Serbian and Kosovan negotiators met in Brussels on Monday for talks.")
    assert [c for c, *_ in got] == ["040"]
    got = _events("Serbia and Kosovo agreed on Monday to meet in Brussels for talks.")
    assert [c for c, *_ in got] == ["036"]
