"""Actor recognition, resolution and coding on sentences written for these tests."""

from __future__ import annotations

import tidings
from tidings.actors.lexicon import Known, Term, default_lexicon
from tidings.actors.sectors import plover_sector
from tidings.model import Actor


def _actors(text: str, date: str | None = "2024-03-12") -> list[Actor]:
    return tidings.process_text(text, date=date).actors


def _by_mention(actors: list[Actor], words: str) -> list[Actor]:
    """Every actor with a mention that is exactly ``words``."""
    return [a for a in actors if any(m.text == words for m in a.mentions)]


def _one(actors: list[Actor], words: str) -> Actor:
    found = _by_mention(actors, words)
    assert len(found) == 1, (words, [(a.code, [m.text for m in a.mentions]) for a in actors])
    return found[0]


def test_demonym_and_agent_noun() -> None:
    actors = _actors("Hungarian riot police dispersed a crowd of farmers outside the parliament.")
    police = _one(actors, "Hungarian riot police")
    assert (police.code, police.country, police.sector) == ("HUNCOP", "HUN", "COP")
    assert police.kind == "agent"


def test_coordinated_demonyms_make_one_actor_each() -> None:
    actors = _actors("Chilean and Peruvian fishermen blocked the port for a week.")
    countries = {a.country for a in _by_mention(actors, "Chilean and Peruvian fishermen")}
    assert countries == {"CHL", "PER"}


def test_capital_metonymy_acts_but_a_place_does_not() -> None:
    actors = _actors("The Kremlin rejected the proposal. Tourists crowded the streets of Rome.")
    kremlin = _one(actors, "The Kremlin")
    assert kremlin.code == "RUSGOV"
    assert not _by_mention(actors, "Rome")  # a place where people are, not the Italian government
    bare = _actors("Beijing", date="2024-03-12")  # a headline-like fragment: the capital stands for the state
    assert [a.code for a in bare] == ["CHNGOV"]


def test_title_and_name() -> None:
    actors = _actors("Belarusian interior minister Ivan Kubrakov ordered the arrests.", date="2022-05-01")
    minister = _one(actors, "Belarusian interior minister Ivan Kubrakov")
    assert (minister.country, minister.sector, minister.kind) == ("BLR", "GOV", "person")


def test_unknown_person_with_role_gets_the_role_and_a_bare_name_no_country() -> None:
    actors = _actors("Ghana's opposition leader, Kwabena Mensah, said the vote was rigged.")
    leader = _one(actors, "Ghana's opposition leader, Kwabena Mensah")
    assert (leader.country, leader.sector, leader.kind) == ("GHA", "OPP", "person")
    actors = _actors("Tomasz Wielgoszewski said the meeting went well.")
    unknown = [a for a in actors if "Wielgoszewski" in a.name]
    assert unknown and unknown[0].country is None


def test_surname_reuses_the_full_mention() -> None:
    text = (
        "Polish Foreign Minister Radoslaw Sikorski arrived in Kyiv on Tuesday. "
        "Sikorski said Poland would send more aid."
    )
    actors = _actors(text, date="2024-03-12")
    sikorski = [a for a in actors if "Sikorski" in a.name]
    assert len(sikorski) == 1
    assert {m.text for m in sikorski[0].mentions} >= {"Sikorski"}
    assert sikorski[0].code == "POLGOV"


def test_a_one_word_short_name_of_a_body_joins_its_full_name() -> None:
    # A headline's "House" is the body the story names in full; the committee, named by a
    # modifier "House", is another body and does not make "House" ambiguous.
    text = (
        "House passes bill to cut aid to Colombia over coca crops\n\n"
        "WASHINGTON - The U.S. House of Representatives voted on Tuesday to cut aid to Colombia. "
        "The House Foreign Affairs Committee had backed the bill."
    )
    house = _one(_actors(text, date="2017-12-06"), "House")
    assert house.code == "USALEG"
    text = (
        "Villagers in Lesotho accuse Kapa Quarrying and Construction Company of damaging their homes. "
        "Kapa denied the claims on Monday."
    )
    assert _one(_actors(text), "Kapa").country == "LSO"


def test_a_carrier_is_an_airline_of_its_country() -> None:
    actors = _actors(
        "Nepal's aviation authority criticised the United Arab Emirates carrier. The airline said it would respond."
    )
    carrier = _one(actors, "the United Arab Emirates carrier")
    assert carrier.code == "AREBUS"
    assert _one(actors, "The airline") is carrier


def test_the_two_leaders_are_the_two_the_story_is_about() -> None:
    # The last two people named are two ministers; "the two leaders" are the two presidents
    # the story has named most.
    text = (
        "Chilean President Gabriel Boric spoke by telephone with Peruvian President Dina Boluarte on Monday. "
        "Boric urged Boluarte to reopen the border crossing at Tacna.\n\n"
        "Boluarte told Boric that Peru would review the closure. Boric also raised the case of a Chilean "
        "trucker held in Lima.\n\n"
        "Lima blames Bolivian Interior Minister Eduardo del Castillo for the smuggling at the border. Peruvian "
        "Interior Minister Victor Torres, who visited Tacna last week, said the crossing would stay closed.\n\n"
        "The two leaders agreed to stay in touch, Boric's office said."
    )
    pair = {a.name for a in _by_mention(_actors(text), "The two leaders")}
    assert pair == {"Gabriel Boric", "Dina Boluarte"}


def test_both_parties_urged_are_not_the_one_who_urges() -> None:
    text = (
        "Colombia's government and the ELN signed a truce on Friday. U.N. Secretary-General Antonio Guterres "
        "welcomed the deal and urged both parties to build on it."
    )
    assert {a.code for a in _by_mention(_actors(text), "both parties")} == {"COLGOV", "COLREB"}


def test_a_spokesman_for_someone_is_a_mention_of_whom_he_speaks_for() -> None:
    # Not the government that spoke last: the one named after "for".
    text = (
        "Colombia's government and the ELN signed a truce on Friday. A spokesman for the European "
        "Commission welcomed the deal."
    )
    assert _one(_actors(text), "A spokesman").code == "IGOEUREEC"


def test_pronoun_joins_the_person_before_it() -> None:
    text = "Kenyan President William Ruto visited Nairobi's main hospital. He promised new funding."
    actors = _actors(text, date="2024-03-12")
    ruto = [a for a in actors if "Ruto" in a.name]
    assert ruto and "He" in {m.text for m in ruto[0].mentions}
    assert ruto[0].code == "KENGOV"


def test_the_two_sides_stand_for_both_parties() -> None:
    text = (
        "Armenian and Azerbaijani negotiators met in Geneva on Monday. "
        "After six hours of talks the two sides agreed to resume talks."
    )
    art = tidings.process_text(text, date="2024-03-12")
    pair = _by_mention(art.actors, "the two sides")
    assert {a.country for a in pair} == {"ARM", "AZE"}
    # an event whose subject is the pair runs between the two of them
    agreed = [e for e in art.events if e.trigger.text == "agreed"]
    assert agreed and agreed[0].source is not None and agreed[0].target is not None
    assert {agreed[0].source.actor.country, agreed[0].target.actor.country} == {"ARM", "AZE"}


def test_the_two_leaders_want_people() -> None:
    text = (
        "Vladimir Putin spoke with Xi Jinping by video link on Friday, Russian state media said. "
        "The two leaders discussed trade."
    )
    pair = _by_mention(_actors(text, date="2024-03-12"), "The two leaders")
    assert {a.code for a in pair} == {"RUSGOV", "CHNGOV"}


def test_a_leader_before_and_after_leaving_office() -> None:
    text = "Chancellor Olaf Scholz said Germany would not send the missiles."
    before = [a for a in _actors(text, date="2023-06-01") if "Scholz" in a.name]
    after = [a for a in _actors(text, date="2026-03-01") if "Scholz" in a.name]
    assert before[0].code == "DEUGOV"
    assert after[0].country == "DEU" and after[0].sector != "GOV"
    assert after[0].sector == "ELI"


def test_phoenix_person_is_time_aware_and_goes_stale() -> None:
    known = Known(
        "Test Person",
        "person",
        (Term("GHAGOV", "2009-01-07", ""), Term("GHAGOVBUS", "2003-01-01", "2008-12-31")),
        "Countries",
    )
    assert known.code_on("2006-05-01") == ("GHAGOVBUS", False)
    assert known.code_on("2012-05-01") == ("GHAGOV", False)
    # an open term the dictionary last saw in 2014 is not believed in 2024
    assert known.code_on("2024-05-01") == ("GHAGOV", True)
    assert known.code_on("2001-05-01") == ("GHAGOVBUS", False)


def test_phoenix_institution_and_armed_group() -> None:
    actors = _actors("The Knesset approved the budget after Shin Bet officers briefed lawmakers.")
    knesset = _one(actors, "The Knesset")
    assert (knesset.country, knesset.sector) == ("ISR", "LEG")
    lex = default_lexicon()
    assert lex.known, "phoenix_actors.tsv is loaded"


def test_igo_and_group_codes() -> None:
    actors = _actors("Boko Haram fighters attacked a village, the United Nations said.")
    assert any(a.code == "NGAREB" and a.sector == "REB" for a in actors)  # its fighters are the group
    assert any(a.code == "IGOUNO" for a in actors)


def test_plover_sector_crosswalk() -> None:
    assert plover_sector("MED") == "JRN"  # CAMEO media
    assert plover_sector("HLH") == "MED"  # CAMEO health = PLOVER medical
    assert plover_sector("OPP", kind="person") == "PTY"
    assert plover_sector("OPP", name="protesters") == "CVL"
    assert plover_sector("OPP", name="exiled leader") == "ELI"
    assert plover_sector("GOV") == "GOV"
    assert plover_sector(None) is None


def test_a_group_that_took_power_codes_as_the_government_from_that_day() -> None:
    text = "The Taliban closed the border crossing."
    before = [a for a in _actors(text, date="2019-05-01") if a.name == "Taliban"]
    after = [a for a in _actors(text, date="2023-05-01") if a.name == "Taliban"]
    assert before[0].code == "AFGREB"
    assert (after[0].code, after[0].country, after[0].sector) == ("AFGGOV", "AFG", "GOV")


def test_national_bodies_and_acronyms_as_written() -> None:
    actors = _actors("The FSB detained a man in Moscow, and the BJP welcomed the verdict.")
    assert any(a.code == "RUSSPY" for a in actors)
    assert any(a.code == "INDPTY" for a in actors)
    # "Pan" in an airline's name is not Mexico's National Action Party (PAN)
    actors = _actors("Pan Am flights resumed.")
    assert not any(a.code == "MEXPTY" for a in actors)


def test_ethnic_group_and_stance_words() -> None:
    actors = _actors("Serbian police arrested three ethnic Albanians in southern Serbia.")
    group = _one(actors, "three ethnic Albanians")
    assert group.country == "SRB"
    actors = _actors("An anti-Israel protester was detained in Paris.")
    protester = [a for a in actors if "protester" in a.name]
    assert protester and protester[0].country != "ISR"


def test_international_ngo_has_sector_ngo_and_no_country() -> None:
    actors = _actors("Amnesty International criticised the new law.")
    amnesty = [a for a in actors if "Amnesty" in a.name]
    assert amnesty and (amnesty[0].country, amnesty[0].sector) == (None, "NGO")


def test_the_army_and_the_ministry_join_the_actor_named_before() -> None:
    text = (
        "Sudanese troops clashed with Ethiopian militias near the border on Monday. "
        "The army said it had repelled the attack. Ethiopia's foreign ministry protested. "
        "The ministry said civilians had been killed."
    )
    actors = _actors(text, date="2021-03-02")
    army = _one(actors, "The army")
    assert army.code == "SDNMIL" and "Sudanese troops" in {m.text for m in army.mentions}
    ministry = _one(actors, "The ministry")
    assert ministry.code == "ETHGOV" and "Ethiopia's foreign ministry" in {m.text for m in ministry.mentions}


def test_acronym_in_brackets_and_words_inside_a_name() -> None:
    text = (
        "The Government Accountability Office (GAO) criticised the Royal Air Force (RAF) on Monday. "
        "The GAO said the RAF had wasted money."
    )
    actors = _actors(text, date="2010-03-02")
    gao = _one(actors, "The GAO")
    assert any("Government Accountability Office" in m.text for m in gao.mentions)
    assert gao.country is None  # an office no table knows: no country is guessed
    raf = _one(actors, "the RAF")
    assert raf.code == "GBRMIL" and any("Royal Air Force" in m.text for m in raf.mentions)
    # "Government" inside the office's name is not a government actor of its own
    assert not any(a.sector == "GOV" and a.country for a in actors)


def test_the_company_refers_back_to_the_organisation() -> None:
    actors = _actors("Northrop Grumman won the contract on Friday. The company said it would hire more engineers.")
    firm = [a for a in actors if a.name == "Northrop Grumman"]
    assert firm and {"The company", "it"} <= {m.text for m in firm[0].mentions}


def test_a_title_alias_gives_way_to_the_full_name_it_overlaps() -> None:
    # "Premier Li" is a table alias of the premier from 2023; in 2020 the words open his
    # predecessor's full name, which must win.
    actors = _actors("The visitors were received by Premier Li Keqiang on Tuesday.", date="2020-06-02")
    premier = _by_mention(actors, "Premier Li Keqiang")
    assert [a.code for a in premier] == ["CHNGOV"] and premier[0].name == "Li Keqiang"


def test_a_known_surname_in_another_persons_name_is_not_that_person() -> None:
    # The Phoenix table knows a Slovak president by his surname; a minister who shares
    # only the surname is someone else, while the president's fuller name is still him.
    other = [a for a in _actors("Defence Minister Anna Kovac visited the border.") if a.name == "Anna Kovac"]
    assert other and other[0].country is None
    same = [a for a in _actors("President Michal Kovac met the press.", date="1995-05-01") if a.name == "Michal Kovac"]
    assert same and same[0].code == "SVKGOV"


def test_breakaway_states_and_paramilitaries_take_plover_codes() -> None:
    # CAMEO has no code for either; PLOVER's PRE and PRM are written as they are.
    actors = _actors("Abkhazia held a parliamentary vote. A paramilitary group attacked the convoy.")
    assert _one(actors, "Abkhazia").code == "GEOPRE"
    group = _one(actors, "A paramilitary group")
    assert group.sector == "PRM" and plover_sector(group.sector) == "PRM"
    assert _one(_actors("Transnistria rejected the offer."), "Transnistria").code == "MDAPRE"


def test_a_state_or_province_gives_the_country_of_the_actor_it_qualifies() -> None:
    actors = _actors("Rakhine rebels seized a border post while Sindh police arrested six men.")
    assert _one(actors, "Rakhine rebels").code == "MMRREB"
    assert _one(actors, "Sindh police").code == "PAKCOP"
    # a division name that is an everyday word is no clue ("Unity" is a South Sudanese state)
    assert _one(_actors("Unity rebels seized a border post."), "Unity rebels").country is None


def test_sub_national_office_holders_are_coded_by_date() -> None:
    text = "Jam Kamal Khan spoke to reporters in Quetta."
    assert _one(_actors(text, date="2020-05-01"), "Jam Kamal Khan").code == "PAKGOV"  # chief minister
    assert _one(_actors(text, date="2022-10-20"), "Jam Kamal Khan").code == "PAKLEG"  # then a member of the assembly


def test_undated_mention_takes_the_office_the_person_left_last() -> None:
    # chancellor until October 2022, a member of parliament until 2024
    kwarteng = _one(_actors("Kwasi Kwarteng criticised the budget.", date=None), "Kwasi Kwarteng")
    assert (kwarteng.country, kwarteng.sector) == ("GBR", "LEG")


def test_igo_sector_from_its_code_and_its_head_acts_for_it() -> None:
    court = _one(_actors("The International Court of Justice ruled on Friday."), "The International Court of Justice")
    assert (court.code, court.sector) == ("IGOUNOJUDICJ", "JUD")
    actors = _actors("The president of the European Commission warned the government.")
    head = _one(actors, "The president of the European Commission")
    assert (head.code, head.sector) == ("IGOEUREEC", "GOV")


def test_national_bodies_sharing_a_code_stay_apart_and_a_product_is_no_company() -> None:
    actors = _actors("Google and Microsoft signed a deal with the ministry.")
    google, microsoft = _one(actors, "Google"), _one(actors, "Microsoft")
    assert google is not microsoft and google.code == microsoft.code == "USABUS"
    assert not [a for a in _actors("A Boeing 737 landed in Nairobi.") if a.code == "USABUS"]


def test_state_news_agency_and_abbreviated_title() -> None:
    xinhua = _one(_actors("Xinhua reported that the talks had ended."), "Xinhua")
    assert (xinhua.code, xinhua.sector) == ("CHNGOVMED", "GOV")
    senator = _one(_actors("Sen. Maribel Quintero said the bill would pass."), "Sen. Maribel Quintero")
    assert senator.sector == "LEG" and senator.country is None


def test_bare_demonym_and_religious_community_leader() -> None:
    assert [a.code for a in _actors("British", date="2024-03-12")] == ["GBR"]
    leader = _one(_actors("A Jewish community leader condemned the attack."), "A Jewish community leader")
    assert leader.sector == "REL"


def test_a_slip_of_two_letters_in_a_country_word_or_region() -> None:
    actors = _actors("Thousands of Kazahks marched in Almaty as Dehli police watched the border.")
    assert _one(actors, "Kazahks").country == "KAZ"
    assert _one(actors, "Dehli police").code == "INDCOP"
    # an unrelated capitalised word is no slip of a country name
    assert not [a for a in _actors("Marina Kolesnikova said the talks failed.") if a.country]


def test_object_pronoun_is_not_its_own_clause_subject() -> None:
    # "he would only receive him": "him" is the other man, not the one who receives.
    actors = _actors(
        "Chilean President Gabriel Boric refused to meet Peru's visiting president Dina Boluarte, "
        "saying he would only receive him in Santiago."
    )
    boric = next(a for a in actors if a.name.endswith("Boric"))
    spans = [(m.start, m.text) for m in boric.mentions]
    assert any(text == "he" for _, text in spans), spans
    assert not any(text == "him" for _, text in spans), spans


def test_country_as_of_the_article_date() -> None:
    from tidings.actors import country_on

    assert country_on("SSD", "2005-06-01") == "SDN"
    assert country_on("SSD", "2012-06-01") == "SSD"
    assert country_on("XKX", "2001-01-01") == "SRB"
    assert country_on("FRA", "1990-01-01") == "FRA"
    assert country_on("SSD", None) == "SSD"


def test_a_currency_is_not_a_country() -> None:
    actors = _actors("The former minister was accused of stealing US $40 million and 3 million U.S. dollars.")
    assert not any(a.country == "USA" for a in actors), [(a.code, [m.text for m in a.mentions]) for a in actors]


def test_an_unknown_movement_is_of_the_story_country_but_an_unknown_company_is_not() -> None:
    actors = _actors(
        "Police in Lagos jailed 30 members of the banned Popular Front for Democratic Renewal on Monday, "
        "according to Kestrel Analytics Ltd."
    )
    front = next(a for a in actors if a.name.startswith("Popular Front"))
    assert front.country == "NGA", (front.code, front.name)
    kestrel = next(a for a in actors if a.name.startswith("Kestrel"))
    assert kestrel.country is None, kestrel.code


def test_an_ethnic_group_is_of_where_it_lives_not_of_its_demonym() -> None:
    actors = _actors("Ethnic Serb militiamen operating in Kosovo have been disarmed, NATO said.", date="2012-03-01")
    militia = _one(actors, "Ethnic Serb militiamen")
    assert militia.country == "XKX", militia.code
    actors = _actors("Somali militants based in Kenya attacked a bus near Garissa.")
    assert _one(actors, "Somali militants").country == "SOM"  # a nationality stays: only a place is added


def test_a_demonym_before_a_people_name_is_a_people_not_the_state() -> None:
    actors = _actors("Thousands of Iraqi Kurds marched in Erbil, calling for independence from Iraq.")
    kurds = _one(actors, "Iraqi Kurds")
    state = _one(actors, "Iraq")
    assert kurds.country == "IRQ" and kurds.id != state.id
    assert kurds.name.startswith("people of")


def test_region_coded_armed_group_takes_the_story_country() -> None:
    actors = _actors(
        "Algeria's president offered talks to the Islamic Salvation Front after a week of bombings in Algeria.",
        date="1999-07-01",
    )
    fis = _one(actors, "the Islamic Salvation Front")
    assert (fis.code, fis.country, fis.sector) == ("DZAREB", "DZA", "REB")
    actors = _actors("Fighters loyal to UNITA attacked a convoy near Huambo.", date="1994-02-01")
    unita = _one(actors, "UNITA")
    assert (unita.country, unita.sector) == ("AGO", "REB")
    # no place named: the state actor of the same sentence says where the group fights
    actors = _actors(
        "On television, President Abdelaziz Bouteflika said he would lift the ban on the Islamic Salvation Front.",
        date="1999-07-01",
    )
    assert _one(actors, "the Islamic Salvation Front").code == "DZAREB"
    assert (
        _one(_actors("The Islamic Salvation Front issued a statement."), "The Islamic Salvation Front").country is None
    )
    actors = _actors("Peacekeepers accused the NPFL of shelling the airport.", date="1993-01-10")
    assert _one(actors, "the NPFL").code == "LBRREB"


def test_peoples_without_a_demonym() -> None:
    actors = _actors("Karen guerrillas ambushed a Burmese army patrol near the border.")
    assert _one(actors, "Karen guerrillas").code == "MMRREB"
    actors = _actors("Burmese soldiers shelled a Karen rebel camp near the border.")
    assert _one(actors, "a Karen rebel camp").code == "MMRREB"  # "Karen" and "rebel" both modify "camp"
    actors = _actors("Igbo elders met in Abuja to calm Nigeria's unrest.")
    assert _one(actors, "Igbo elders").country == "NGA"
    # a people split between states takes the story's country, and none without one
    actors = _actors("Hausa politicians rejected the plan at a rally in Kano, Nigeria.")
    assert _one(actors, "Hausa politicians").country == "NGA"
    actors = _actors("Hausa politicians complained about the new law.")
    assert _one(actors, "Hausa politicians").country is None
    actors = _actors("Uyghur activists urged the United Nations to act.")
    assert _one(actors, "Uyghur activists").country == "CHN"


def test_a_people_name_that_is_a_given_name_or_a_place_is_neither() -> None:
    actors = _actors("Karen Bass met police chiefs in Tamil Nadu.")
    assert all(a.country != "MMR" for a in actors)
    assert _one(actors, "police chiefs").country == "IND"


def test_a_weapon_is_not_an_actor_and_tutu_is_south_african() -> None:
    actors = _actors(
        "Government artillery pounded the hills while Archbishop Desmond Tutu appealed for calm.", date="2001-05-03"
    )
    assert not any("artillery" in m.text for a in actors for m in a.mentions if a.sector == "MIL")
    tutu = _one(actors, "Archbishop Desmond Tutu")
    assert (tutu.country, tutu.sector) == ("ZAF", "ELI")


# -- whose institution: datelines, regions, openings and the article's other mentions ----------


def test_a_dateline_is_no_actor_and_not_part_of_the_subject() -> None:
    actors = _actors("AMMAN, Jordan — Syria's army and Kurdish fighters agreed on Friday to a truce.")
    army = _one(actors, "Syria's army")
    assert army.code == "SYRMIL"
    assert not any(m.text.startswith(("AMMAN", "Jordan")) for a in actors for m in a.mentions)
    actors = _actors("NAIROBI, Kenya (WNS) — Somalia's federal government said on Monday it would hold talks.")
    assert _one(actors, "Somalia's federal government").code == "SOMGOV"
    assert all(a.country != "KEN" for a in actors)


def test_regions_are_coded_with_their_cameo_region() -> None:
    actors = _actors("West African leaders gave the junta a week. Western diplomats said Europeans were worried.")
    assert _one(actors, "West African leaders").code == "WAFGOV"
    assert _one(actors, "Western diplomats").code == "WSTGOV"
    assert not any(a.code == "EUR" for a in actors)  # people of several states, not a region's actor
    # "Latin American" is not the United States; "South African" is South Africa's
    actors = _actors("Latin American governments criticised the vote. South African police made arrests.")
    assert _one(actors, "Latin American governments").code == "LAMGOV"
    assert _one(actors, "South African police").code == "ZAFCOP"
    # a region word inside a place name is no region
    actors = _actors("Police in the Western Cape arrested two men.")
    assert all(not a.code.startswith("WST") for a in actors)


def test_a_legislature_named_without_its_country_is_the_one_the_article_names() -> None:
    actors = _actors(
        "Aid for Ukraine passes US House\n\n"
        "WASHINGTON — The U.S. House of Representatives on Saturday approved aid for Ukraine and Kyiv.\n\n"
        "Lawmakers also approved separate money for Taiwan. Ukraine's president thanked lawmakers.\n\n"
        "The Senate is expected to vote next week. Congress has approved $100 billion for Kyiv since 2022."
    )
    for words in ("Lawmakers", "lawmakers", "The Senate", "Congress"):
        assert _one(actors, words).code == "USALEG", words


def test_a_sentence_that_opens_with_a_place_places_its_officials() -> None:
    actors = _actors(
        "WASHINGTON — The United States on Monday imposed sanctions on Iranian drone makers.\n\n"
        "In Tehran, foreign ministry spokesman Ali Rezaei condemned the measures as illegal."
    )
    assert _one(actors, "foreign ministry spokesman Ali Rezaei").code == "IRNGOV"
    actors = _actors(
        "LONDON — Britain on Monday accused Chinese hackers of attacking its election body.\n\n"
        "In Washington, the Justice Department charged seven hackers, and the Treasury imposed sanctions "
        "on a Wuhan-based company."
    )
    assert _one(actors, "the Justice Department").code == "USAGOV"
    assert _one(actors, "the Treasury").code == "USAGOV"
    assert _one(actors, "a Wuhan-based company").country == "CHN"  # the company is where it is based


def test_a_state_body_no_table_knows_is_of_the_story_s_state() -> None:
    actors = _actors(
        "CAPE TOWN, South Africa — Finance Minister Thabo Nkosi tabled the budget in parliament on Wednesday. "
        "The National Treasury said tax revenue had fallen short."
    )
    assert _one(actors, "The National Treasury").code == "ZAFGOV"


def test_officials_a_visitor_meets_are_not_the_visitor_s() -> None:
    actors = _actors(
        "HANOI, Vietnam — U.S. Defense Secretary Lloyd Austin arrived in Vietnam on Monday for talks. "
        "Austin met several senior government officials and visited a war memorial."
    )
    assert _one(actors, "several senior government officials").code == "VNMGOV"


def test_a_bare_noun_takes_the_country_of_the_last_actor_named_with_it() -> None:
    actors = _actors(
        "ABUJA, Nigeria — Leaders gave Mali's junta a week to hand over power. Nigerian President Bola Tinubu "
        "spoke first. Hours later the French embassy closed its doors. The junta rejected the deadline."
    )
    assert _one(actors, "The junta").code == "MLIGOV"
    actors = _actors(
        "The first Rwandan police officers arrived in Bangui on Tuesday. About 300 officers stepped off the "
        "plane and were greeted by Central African ministers."
    )
    assert _one(actors, "About 300 officers").code == "RWACOP"
    # a phrase with its own qualifier is someone else: not the "State Department officials" before
    actors = _actors(
        "TEGUCIGALPA, Honduras — U.S. State Department officials declined to comment on the vote. The aid rules "
        "require prosecuting corrupt government officials."
    )
    assert _one(actors, "corrupt government officials").code == "HNDGOV"


def test_a_relative_is_a_civilian_of_the_relative_s_country() -> None:
    actors = _actors(
        "BISHKEK — The sister of the Kazakh engineer accused of the bombing appealed to the court for mercy."
    )
    assert _one(actors, "The sister of the Kazakh engineer").code == "KAZCVL"
    actors = _actors("The wife of the Russian ambassador left Paris on Monday.")
    assert _one(actors, "The wife of the Russian ambassador").code == "RUSCVL"  # no official
    actors = _actors("Warner Brothers and Lehman Brothers are firms.")
    assert not any(a.sector == "CVL" for a in actors)


def test_a_person_s_office_or_campaign_acts_for_the_person() -> None:
    actors = _actors("QUITO — Public Ombudsman Maria Lopez's office said two protesters had died.")
    ombudsman = _one(actors, "Public Ombudsman Maria Lopez's office")
    assert ombudsman.code == "ECUGOV" and ombudsman.kind == "person"


def test_two_people_the_parser_hangs_on_one_name_stay_two() -> None:
    actors = _actors(
        "The plan was discussed at a meeting between Libyan Foreign Minister Omar Kadiki and U.S. Deputy "
        "Secretary of State Laura Pike on Monday.",
        date="2021-05-01",
    )
    kadiki = _one(actors, "Libyan Foreign Minister Omar Kadiki")
    pike = _one(actors, "U.S. Deputy Secretary of State Laura Pike")
    assert (kadiki.code, pike.code) == ("LBYGOV", "USAGOV")
    actors = _actors("Putin's spokesman Dmitry Peskov said nothing.", date="2021-05-01")
    assert _one(actors, "Putin").name == "Vladimir Putin"
    assert _one(actors, "spokesman Dmitry Peskov").name == "Dmitry Peskov"


def test_a_name_a_company_noun_introduces_is_a_company() -> None:
    actors = _actors(
        "OSLO — Norwegian fish farmer group Fjord Laks bid for its Danish rival on Tuesday. Fjord Laks Chief "
        "Executive Ola Berg said the offer was fair.\n\nEarlier, Danish packaging maker Kovak Pak rejected it."
    )
    assert _one(actors, "Danish packaging maker Kovak Pak").code == "DNKBUS"
    actors = _actors(
        "STOCKHOLM — Swedish packaging maker Borga Pack bid for a Finnish rival on Tuesday. Borga Pack Chief "
        "Executive Henrik Lindqvist said the offer was fair."
    )
    assert _one(actors, "Swedish packaging maker Borga Pack").code == "SWEBUS"
    assert _one(actors, "Borga Pack Chief Executive Henrik Lindqvist").code == "SWEBUS"  # the firm's, not a state's


def test_a_bare_party_name_is_the_party_the_article_names_in_full() -> None:
    actors = _actors(
        "RABAT — Police detained the leader of the Islamist Nahda party, Karim Saadi, on Monday. Police also "
        "shut Nahda's offices, and Nahda said the arrest was political."
    )
    party = [a for a in actors if a.name == "Nahda"]
    assert party and party[0].code == "MARPTY"


def test_what_is_said_on_a_platform_is_not_said_by_it() -> None:
    actors = _actors(
        "KATHMANDU — The Civil Aviation Authority of Nepal said on Twitter that the airline's managers had been "
        "barred from Kathmandu airport."
    )
    assert not any(a.name == "Twitter" and any("airline" in m.text for m in a.mentions) for a in actors)
    assert not any(a.code == "NPLGOV" and any(m.text == "Kathmandu" for m in a.mentions) for a in actors)


def test_the_only_two_states_that_did_something_are_no_pair_of_those_named_before() -> None:
    actors = _actors(
        "Britain and France criticised the move. The only two Gulf states to have signed the pact said it was "
        "dangerous. Sweden and Finland applied to join. The two Nordic countries waited."
    )
    assert not _by_mention(actors, "The only two Gulf states")
    assert {a.code for a in _by_mention(actors, "The two Nordic countries")} == {"SWE", "FIN"}


def test_they_in_a_speaker_s_words_is_the_speaker_s_side() -> None:
    actors = _actors(
        "The Palestinian Authority called for an emergency meeting of the Arab League. Jordan and Egypt "
        "criticised the US decision. Palestinian chief negotiator Saeb Erekat said they would take the matter "
        "to the United Nations.",
        date="2019-11-19",
    )
    assert _one(actors, "they").country == "PSE"


def test_its_neighbour_is_the_other_country_just_named() -> None:
    actors = _actors(
        "KIGALI — Rwanda has ordered Burundi's ambassador to leave within 48 hours, accusing its neighbour of "
        "arming rebels."
    )
    assert _one(actors, "its neighbour").country == "BDI"
    actors = _actors("Uganda said on Monday that their neighbour should talk to the rebels.")
    assert not _by_mention(actors, "their neighbour")  # none named but the speaker itself


def test_a_surname_in_the_headline_is_the_full_name_the_story_gives() -> None:
    actors = _actors(
        "Gershkovich and Whelan freed in prisoner swap\n\n"
        "Russia freed reporter Evan Gershkovich and former U.S. Marine Paul Whelan on Thursday.",
        date="2024-08-01",
    )
    whelan = [a for a in actors if any(m.text == "Whelan" for m in a.mentions)]
    assert len(whelan) == 1 and whelan[0].name == "Paul Whelan"


def test_an_intelligence_organisation_is_a_spy_service() -> None:
    actors = _actors("Turkey's National Intelligence Organisation arranged the exchange.")
    assert _one(actors, "Turkey's National Intelligence Organisation").code == "TURSPY"


def test_a_party_named_with_a_state_is_of_that_state_not_where_they_act() -> None:
    # The rebels are Colombia's, though they sign in Havana; without the conjunct the
    # place they act in is the only clue and places them.
    actors = _actors("Colombia's government and the rebels signed a peace deal in Havana on Friday.")
    assert _one(actors, "the rebels").country == "COL"
    actors = _actors("Sudan's army and the militants clashed in Chad on Monday.")
    assert _one(actors, "the militants").country == "SDN"
