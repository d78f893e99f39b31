#!/usr/bin/env python3
"""Generate the bundled sample corpus and its expected-annotation fixture.

All articles below are original, fictional-but-plausible wire-style stories
written for the tidings project. Running this script (re)writes:

  tidings/data/sample/articles.jsonl
  tests/fixtures/sample_expected.json

and checks that every expected trigger, quote opening, place name and time
expression is present in its article's text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_OUT = ROOT / "tidings" / "data" / "sample" / "articles.jsonl"
EXPECTED_OUT = ROOT / "tests" / "fixtures" / "sample_expected.json"


def hard_wrap(text: str, width: int) -> str:
    """Simulate a scraped page with hard line breaks inside paragraphs."""
    paras = text.split("\n\n")
    return "\n\n".join(textwrap.fill(p, width=width, break_long_words=False, break_on_hyphens=False) for p in paras)


def ev(source, target, root, trigger, note):
    return {"source": source, "target": target, "root": root, "trigger": trigger, "note": note}


def q(code, words):
    return {"speaker_code": code, "first_words": words}


def pl(name, country):
    return {"name": name, "country": country}


def tm(text, value):
    return {"text": text, "value": value}


ARTICLES = []


def add(id_, title, date, text, events, quotes, places, times, wrap=None):
    text = text.strip()
    if wrap:
        text = hard_wrap(text, wrap)
    ARTICLES.append(
        {
            "article": {
                "id": id_,
                "title": title,
                "date": date,
                "url": None,
                "source": "tidings sample",
                "text": text,
            },
            "expected": {"events": events, "quotes": quotes, "places": places, "times": times},
        }
    )


# ---------------------------------------------------------------- 01 protest
add(
    "sample-01-minsk-protest-detentions",
    "Belarus police detain hundreds as protesters march in Minsk",
    "2020-09-14",
    """
MINSK, Sept 14 (tidings) - Belarusian riot police detained more than 400 protesters in Minsk on Sunday as tens of thousands of people marched through the capital for a fifth straight weekend to demand the resignation of President Alexander Lukashenko, the interior ministry said.

Masked officers dragged demonstrators into unmarked vans near Independence Avenue and used batons against a crowd that had gathered outside a Soviet-era war memorial, witnesses said. Smaller rallies were reported in Brest, Grodno and Gomel.

Protests have shaken the former Soviet republic since the Aug. 9 presidential election, which official results say Lukashenko won with about 80 percent of the vote. The opposition says the count was rigged.

"People came out peacefully, with flowers and flags, and the police answered with clubs," said Olga Kovalenko, a 34-year-old teacher who joined the march with her husband. "We are not afraid any more."

In a statement on Monday, the interior ministry said those detained had taken part in unauthorised mass events and that several officers had been injured. It did not say how many people remained in custody.

The Viasna human rights centre said at least 30 people were beaten after they were taken to a detention centre on the western edge of the city.

Opposition leader Sviatlana Tsikhanouskaya, who left for Lithuania after the election, condemned the Belarusian authorities for the crackdown. "The regime is trying to frighten Belarusians into silence, but every arrest only brings more people onto the streets," she said in a video address recorded in Vilnius.

Lukashenko, who has ruled Belarus since 1994, has refused to hold talks with the opposition's Coordination Council and has dismissed the protests as a foreign-backed plot. He said last week that he would not step down "under pressure from the street".
""",
    [
        ev(
            "BLRCOP",
            "BLROPP",
            "17",
            "detained",
            "Belarusian riot police detained more than 400 protesters (173 arrest/detain)",
        ),
        ev(
            "BLROPP",
            "BLRGOV",
            "11",
            "condemned",
            "Tsikhanouskaya condemned the Belarusian authorities (111 criticise/denounce)",
        ),
        ev(
            "BLRGOV",
            "BLROPP",
            "12",
            "refused",
            "Lukashenko has refused to hold talks with the opposition's Coordination Council (12x refuse to negotiate)",
        ),
    ],
    [q("BLR", "People came out peacefully"), q("BLROPP", "The regime is trying")],
    [
        pl("Minsk", "BLR"),
        pl("Brest", "BLR"),
        pl("Grodno", "BLR"),
        pl("Gomel", "BLR"),
        pl("Lithuania", "LTU"),
        pl("Vilnius", "LTU"),
    ],
    [tm("on Sunday", "2020-09-13"), tm("on Monday", "2020-09-14")],
)

# ----------------------------------------------------------- 02 phone call
add(
    "sample-02-merz-zelensky-phone-call",
    "Merz promises Zelensky more air defence in phone call",
    "2026-02-10",
    """
BERLIN, Feb 10 (tidings) - German Chancellor Friedrich Merz spoke by telephone with Ukrainian President Volodymyr Zelensky on Monday and promised to send additional air defence systems to Ukraine before the end of the winter, the chancellor's office said.

The two leaders discussed the situation on the front line in the east, recent Russian missile and drone strikes on Ukraine's power grid and preparations for a reconstruction conference planned for the spring, a government spokesman said in a written statement.

Merz told Zelensky that Germany would remain at Ukraine's side "for as long as necessary", according to the statement. It gave no details of the systems involved, but German media have reported that the government is preparing to deliver two more Patriot batteries.

Zelensky thanked Merz for Germany's support. "Germany has been a reliable partner from the first day, and today we agreed on concrete steps to protect our cities and our energy system," Zelensky wrote on social media after the call.

The Ukrainian leader is expected to travel to Munich on Friday for the annual Munich Security Conference, where he is likely to meet Merz again as well as members of the U.S. Congress.

Russian drones and missiles struck energy facilities in Kharkiv and Odesa over the weekend, leaving hundreds of thousands of homes without heating in freezing temperatures, Ukraine's energy ministry said.

In Moscow, Kremlin spokesman Dmitry Peskov accused Berlin of prolonging the war by supplying weapons to Kyiv. "Every new delivery of German weapons only pushes a settlement further away," Peskov told reporters on Tuesday.

Germany has become Ukraine's largest military donor in Europe since Russia launched its full-scale invasion in February 2022.
""",
    [
        ev("DEUGOV", "UKRGOV", "04", "spoke", "Merz spoke by telephone with Zelensky (041 discuss by telephone)"),
        ev(
            "DEUGOV",
            "UKR",
            "03",
            "promised",
            "Merz promised to send air defence systems to Ukraine (03 intent to provide military aid)",
        ),
        ev("UKRGOV", "DEUGOV", "05", "thanked", "Zelensky thanked Merz (051 praise/endorse)"),
        ev(
            "RUSGOV",
            "DEUGOV",
            "11",
            "accused",
            "Peskov accused Berlin (metonym for German government) of prolonging the war (112 accuse)",
        ),
    ],
    [q("UKRGOV", "Germany has been a"), q("RUSGOV", "Every new delivery of")],
    [
        pl("Berlin", "DEU"),
        pl("Ukraine", "UKR"),
        pl("Munich", "DEU"),
        pl("Kharkiv", "UKR"),
        pl("Odesa", "UKR"),
        pl("Moscow", "RUS"),
    ],
    [tm("on Monday", "2026-02-09"), tm("on Friday", "2026-02-13"), tm("on Tuesday", "2026-02-10")],
)

# ------------------------------------------------------- 03 armed clash (wrapped)
add(
    "sample-03-armenia-azerbaijan-border-clash",
    "Armenia and Azerbaijan trade fire in deadliest border clash since war",
    "2021-11-17",
    """
YEREVAN, Nov 17 (tidings) - Armenian and Azerbaijani troops fought along their shared border on Tuesday in the deadliest clashes since last year's war over Nagorno-Karabakh, and both countries reported casualties among their soldiers.

Azerbaijani forces shelled Armenian positions near the town of Jermuk in Vayots Dzor province with artillery and mortars, Armenia's defence ministry said. It said two Armenian soldiers were killed and five were wounded.

Azerbaijan's defence ministry accused Armenia of a "large-scale provocation" near the Kalbajar district and said three of its servicemen had been killed. Baku said its units had only responded to Armenian fire.

Armenian Prime Minister Nikol Pashinyan appealed to Russia for military assistance under a mutual defence treaty between the two countries. "We are talking about an attack on the sovereign territory of the Republic of Armenia, and we expect our allies to act," Pashinyan told a session of parliament in Yerevan.

Russian Defence Minister Sergei Shoigu held telephone talks with his Armenian and Azerbaijani counterparts late on Tuesday, and both sides agreed to stop firing in the evening, the Russian defence ministry said in a statement. Shooting had largely died down by Wednesday morning, local officials said.

The European Union's foreign policy chief, Josep Borrell, urged both countries to pull their forces back to the positions they held before the fighting began.

Russia brokered the truce that ended the six-week war in November last year and deployed about 2,000 peacekeepers to Nagorno-Karabakh.
""",
    [
        ev(
            "AZEMIL",
            "ARMMIL",
            "19",
            "shelled",
            "Azerbaijani forces shelled Armenian positions (194 artillery fighting)",
        ),
        ev(
            "AZE", "ARM", "11", "accused", "Azerbaijan's defence ministry accused Armenia of a provocation (112 accuse)"
        ),
        ev(
            "ARMGOV",
            "RUS",
            "02",
            "appealed",
            "Pashinyan appealed to Russia for military assistance (0212 appeal for military aid)",
        ),
    ],
    [q("ARMGOV", "We are talking about")],
    [
        pl("Yerevan", "ARM"),
        pl("Nagorno-Karabakh", "AZE"),
        pl("Jermuk", "ARM"),
        pl("Vayots Dzor", "ARM"),
        pl("Kalbajar", "AZE"),
    ],
    [tm("on Tuesday", "2021-11-16"), tm("last year", "2020")],
    wrap=79,
)

# ------------------------------------------------------ 04 sanctions (promo lines)
add(
    "sample-04-eu-sanctions-belarus-officials",
    "EU imposes sanctions on Belarusian officials over forced landing",
    "2021-06-22",
    """
BRUSSELS, June 22 (tidings) - The European Union imposed sanctions on more than 80 Belarusian officials and several state-owned companies on Monday, tightening pressure on President Alexander Lukashenko after the forced landing of a passenger jet in Minsk last month.

EU foreign ministers meeting in Luxembourg also agreed to prepare broader economic measures targeting potash, petroleum products and tobacco, some of Belarus's most important sources of foreign currency.

Those blacklisted include senior air force officers, judges and members of the Central Election Commission, diplomats said. They face a travel ban and an asset freeze in the EU.

Also Read: Lithuania to build fence along border as migrant crossings rise

"We are not going to accept the hijacking of a civilian aircraft or the repression of the Belarusian people," EU foreign policy chief Josep Borrell told reporters after the meeting. "Today we are sending a clear message to the regime in Minsk."

In May, Belarusian authorities forced a Ryanair flight from Athens to Vilnius to land in Minsk and arrested a dissident journalist who was on board. Western governments called the diversion an act of state piracy.

The Belarusian foreign ministry accused the European Union of waging an economic war against the Belarusian people. Foreign Minister Vladimir Makei threatened retaliatory measures against the EU and said Minsk would review its participation in the bloc's Eastern Partnership programme.

READ MORE: Belarus opposition urges Western firms to halt business with state companies

"The sanctions will hit ordinary people, not the government, and we will respond," Makei said in a statement carried by the state news agency BelTA.

The United States, Britain and Canada announced similar measures against Belarusian officials on the same day.

Click here to subscribe to our newsletter

Lithuanian Foreign Minister Gabrielius Landsbergis welcomed the decision but said the EU should act faster. "Every week of delay gives the regime more time to adapt," he said.
""",
    [
        ev(
            "IGOEUREEC",
            "BLRGOV",
            "16",
            "imposed",
            "The European Union imposed sanctions on Belarusian officials (163 impose embargo/sanctions)",
        ),
        ev(
            "BLRGOV",
            "BLRMED",
            "17",
            "arrested",
            "Belarusian authorities ... arrested a dissident journalist (173 arrest)",
        ),
        ev(
            "BLRGOV",
            "IGOEUREEC",
            "11",
            "accused",
            "The Belarusian foreign ministry accused the European Union (112 accuse)",
        ),
        ev(
            "BLRGOV",
            "IGOEUREEC",
            "13",
            "threatened",
            "Makei threatened retaliatory measures against the EU (13 threaten)",
        ),
    ],
    [q("IGOEUREEC", "We are not going"), q("BLRGOV", "The sanctions will hit"), q("LTUGOV", "Every week of delay")],
    [pl("Brussels", "BEL"), pl("Minsk", "BLR"), pl("Luxembourg", "LUX"), pl("Athens", "GRC"), pl("Vilnius", "LTU")],
    [tm("on Monday", "2021-06-21"), tm("last month", "2021-05"), tm("In May", "2021-05")],
)

# --------------------------------------------------------------- 05 aid
add(
    "sample-05-wfp-aid-north-darfur",
    "UN food agency reaches North Darfur with first convoy in two months",
    "2024-08-21",
    """
PORT SUDAN, Aug 21 (tidings) - The World Food Programme delivered food aid to thousands of displaced families in North Darfur on Tuesday after its first convoy in almost two months crossed into Sudan from neighbouring Chad, the United Nations agency said.

Fifteen trucks carrying sorghum, lentils, vegetable oil and nutritional supplements for children reached camps near El Fasher, where aid groups say famine conditions have taken hold. The convoy travelled through the Adre border crossing, which the Sudanese authorities agreed last week to reopen for three months.

"This is a lifeline, but it is only a first step," the WFP's country director for Sudan said in a statement. "We need safe and unhindered access every day, not once every few weeks."

More than 10 million people have been forced from their homes since fighting broke out in April 2023 between the Sudanese army and the paramilitary Rapid Support Forces (RSF), according to UN figures.

UN Secretary-General Antonio Guterres urged the Sudanese army and the RSF to allow humanitarian workers to move freely across front lines. In remarks to reporters in New York, Guterres said the warring parties must stop "using hunger as a weapon of war".

The army-aligned government has accused the RSF of looting aid warehouses in Darfur and in the capital Khartoum. The paramilitary group says the army has blocked deliveries to areas under its control.

The United Nations says about 25 million people, half of Sudan's population, need humanitarian assistance. Its appeal for Sudan this year is less than a third funded, and the agency warned that it could be forced to cut rations from October.
""",
    [
        ev(
            "IGOUNO",
            "SDN",
            "07",
            "delivered",
            "The World Food Programme (UN agency) delivered food aid to displaced families (071 provide economic/humanitarian aid)",
        ),
        ev(
            "IGOUNO",
            "SDNMIL",
            "02",
            "urged",
            "Guterres urged the Sudanese army and the RSF to allow aid workers access (02 appeal)",
        ),
        ev(
            "SDNGOV",
            "SDN",
            "11",
            "accused",
            "The army-aligned government has accused the RSF of looting (112 accuse); RSF = Sudanese paramilitary",
        ),
    ],
    [q("IGOUNO", "This is a lifeline,")],
    [
        pl("Port Sudan", "SDN"),
        pl("North Darfur", "SDN"),
        pl("Sudan", "SDN"),
        pl("Chad", "TCD"),
        pl("El Fasher", "SDN"),
        pl("Adre", "TCD"),
        pl("New York", "USA"),
        pl("Darfur", "SDN"),
        pl("Khartoum", "SDN"),
    ],
    [tm("on Tuesday", "2024-08-20"), tm("this year", "2024")],
)

# -------------------------------------------------- 06 journalists detained
add(
    "sample-06-turkey-journalists-detained",
    "Turkish police detain nine journalists in dawn raids",
    "2022-12-06",
    """
ISTANBUL, Dec 6 (tidings) - Turkish police detained nine journalists in dawn raids in Istanbul, Ankara and Diyarbakir on Tuesday as part of an investigation into alleged links with outlawed Kurdish militants, their lawyers said.

Officers searched the journalists' homes and seized computers, mobile phones and notebooks, according to a local press freedom association. Most of those detained work for Kurdish-language news outlets or pro-Kurdish websites.

The Istanbul chief prosecutor's office said in a statement that the suspects were accused of producing propaganda for the Kurdistan Workers' Party (PKK), which Turkey, the European Union and the United States list as a terrorist organisation. The suspects can be held for up to four days before they are brought before a judge.

Interior Minister Suleyman Soylu defended the operation. "Nobody can hide behind a press card while serving a terrorist organisation," Soylu told reporters in Ankara.

The main opposition Republican People's Party accused the government of trying to silence critical media ahead of next year's presidential and parliamentary elections. "This is not a fight against terrorism, it is a fight against journalism," a senior party official said.

The European Union's delegation in Ankara called on Turkish authorities to respect media freedom and the presumption of innocence.

Dozens of journalists are currently held in Turkish prisons, most of them on terrorism charges, according to rights groups. President Tayyip Erdogan's government says the cases are a matter for independent courts and denies that anyone is jailed for their reporting.
""",
    [
        ev("TURCOP", "TURMED", "17", "detained", "Turkish police detained nine journalists (173 arrest/detain)"),
        ev(
            "TUROPP",
            "TURGOV",
            "11",
            "accused",
            "The main opposition Republican People's Party accused the government (112 accuse)",
        ),
        ev(
            "IGOEUREEC",
            "TURGOV",
            "02",
            "called",
            "The EU delegation called on Turkish authorities to respect media freedom (02 appeal)",
        ),
    ],
    [q("TURGOV", "Nobody can hide behind"), q("TUROPP", "This is not a")],
    [pl("Istanbul", "TUR"), pl("Ankara", "TUR"), pl("Diyarbakir", "TUR")],
    [tm("on Tuesday", "2022-12-06"), tm("next year", "2023")],
)

# ------------------------------------------------------------- 07 election
add(
    "sample-07-georgia-opposition-rejects-election",
    "Georgian opposition rejects ruling party's election win",
    "2024-10-28",
    """
TBILISI, Oct 28 (tidings) - Georgia's main opposition parties on Sunday rejected the official results of Saturday's parliamentary election, which handed the ruling Georgian Dream party a fourth term, and said they would not take up their seats in the new parliament.

The Central Election Commission said Georgian Dream won just over half of the vote with nearly all ballots counted. A coalition of four pro-Western opposition groups shared most of the rest.

Opposition leaders accused Georgian Dream of rigging the vote through intimidation, vote buying and pressure on public sector workers. Observers from the Organization for Security and Co-operation in Europe said the campaign had been marked by an uneven playing field and reported cases of ballot stuffing and voter intimidation.

"We do not recognise these results, and we will not give legitimacy to a stolen election," an opposition leader told a news conference in Tbilisi.

Prime Minister Irakli Kobakhidze dismissed the allegations as baseless. "The Georgian people have made their choice, and the opposition must respect it," Kobakhidze told reporters on Sunday.

Hungarian Prime Minister Viktor Orban congratulated Georgian Dream on its victory and is expected to visit Tbilisi on Monday.

The European Union urged Georgia's election authorities to investigate the reported irregularities quickly and transparently. The EU granted Georgia candidate status last December, but the accession process stalled after parliament passed a law on "foreign agents" in May.

Opposition parties called on their supporters to gather outside the parliament building on Rustaveli Avenue on Monday evening.
""",
    [
        ev(
            "GEOOPP",
            None,
            "12",
            "rejected",
            "Georgia's main opposition parties rejected the official results (12 reject); no actor target",
        ),
        ev(
            "GEOOPP",
            "GEO",
            "11",
            "accused",
            "Opposition leaders accused Georgian Dream (ruling party, GEOGOV or GEOPTY) of rigging the vote (112 accuse)",
        ),
        ev("HUNGOV", "GEO", "05", "congratulated", "Orban congratulated Georgian Dream on its victory (051 praise)"),
        ev(
            "IGOEUREEC",
            "GEOGOV",
            "02",
            "urged",
            "The EU urged Georgia's election authorities to investigate irregularities (02 appeal)",
        ),
    ],
    [q("GEOOPP", "We do not recognise"), q("GEOGOV", "The Georgian people have")],
    [pl("Tbilisi", "GEO"), pl("Georgia", "GEO")],
    [
        tm("on Sunday", "2024-10-27"),
        tm("Saturday", "2024-10-26"),
        tm("on Monday", "2024-10-28"),
        tm("last December", "2023-12"),
    ],
)

# ----------------------------------------------------------- 08 ceasefire
add(
    "sample-08-congo-m23-ceasefire-doha",
    "Congo and M23 rebels agree ceasefire at talks in Doha",
    "2025-07-20",
    """
DOHA, July 20 (tidings) - The Democratic Republic of Congo's government and the M23 rebel group agreed to a ceasefire on Saturday after weeks of Qatari-mediated talks, raising hopes of an end to fighting that has killed thousands of people in eastern Congo this year.

Representatives of the two sides signed a declaration at a ceremony in Doha in which they committed to a permanent truce, the exchange of prisoners and negotiations on a full peace agreement within a month.

The rebels seized Goma, the largest city in eastern Congo, in January and took Bukavu, the capital of South Kivu province, in February. Hundreds of thousands of people have fled their homes.

"This is the beginning of a process that must bring peace to our people," Congolese government spokesman Patrick Muyaya told reporters after the signing. "The government will remain vigilant."

M23 spokesman Lawrence Kanyuka said the rebels would respect the truce but accused Kinshasa of continuing to strike villages in North Kivu with drones.

Massad Boulos, senior adviser to U.S. President Donald Trump on Africa, praised Qatar for its mediation and said Washington would support the implementation of the deal.

Congo and neighbouring Rwanda signed a separate peace agreement in Washington in June. Kinshasa and United Nations experts accuse Rwanda of arming M23 and sending its own troops into eastern Congo, a charge that Kigali denies.

Aid agencies said the ceasefire must be followed quickly by the reopening of roads and airports so that food and medicine can reach the displaced.
""",
    [
        ev(
            "CODGOV",
            "CODREB",
            "08",
            "agreed",
            "Congo's government and the M23 rebel group agreed to a ceasefire (0871 declare truce/ceasefire)",
        ),
        ev(
            "CODREB",
            "CODGOV",
            "11",
            "accused",
            "M23 spokesman ... accused Kinshasa (metonym for Congolese government) of striking villages (112 accuse)",
        ),
        ev("USAGOV", "QATGOV", "05", "praised", "Boulos praised Qatar for its mediation (051 praise)"),
        ev("CODGOV", "RWA", "11", "accuse", "Kinshasa and UN experts accuse Rwanda of arming M23 (112 accuse)"),
    ],
    [q("CODGOV", "This is the beginning")],
    [
        pl("Doha", "QAT"),
        pl("Goma", "COD"),
        pl("Bukavu", "COD"),
        pl("South Kivu", "COD"),
        pl("North Kivu", "COD"),
        pl("Washington", "USA"),
        pl("Rwanda", "RWA"),
    ],
    [tm("on Saturday", "2025-07-19"), tm("in January", "2025-01"), tm("in June", "2025-06")],
)

# ------------------------------------------------------- 09 threat (wrapped)
add(
    "sample-09-north-korea-threatens-allies",
    "North Korea threatens 'overwhelming' action over U.S.-South Korea drills",
    "2023-03-16",
    """
SEOUL, March 16 (tidings) - North Korea threatened on Thursday to take "overwhelming" military action against the United States and South Korea, calling their largest joint military exercises in five years a rehearsal for an invasion.

Kim Yo Jong, the powerful sister of leader Kim Jong Un, said in a statement carried by the state news agency KCNA that Pyongyang was ready to respond to any provocation "at any time". "The enemies should know that their reckless war games will bring them nothing but destruction," she said.

The United States and South Korea began the 11-day Freedom Shield exercise on Monday, with thousands of troops taking part in field training and computer-simulated drills. The allies say the drills are purely defensive.

South Korean President Yoon Suk Yeol accused the North of using the exercises as an excuse to expand its nuclear arsenal. "North Korea's threats will only strengthen our alliance and our resolve," Yoon told a cabinet meeting in Seoul before leaving for Tokyo, where he will hold talks with Japanese Prime Minister Fumio Kishida.

The U.S. State Department urged Pyongyang to return to talks without preconditions. A spokesman said Washington had "no hostile intent" towards North Korea.

North Korea has fired dozens of ballistic missiles since the start of last year, including several that flew over Japan, and analysts say it may be preparing for its first nuclear test since 2017.
""",
    [
        ev(
            "PRKGOV",
            "USA",
            "13",
            "threatened",
            "North Korea threatened to take military action against the United States (138 threaten military force)",
        ),
        ev("PRKGOV", "KOR", "13", "threatened", "... and against South Korea (same sentence, second target)"),
        ev("KORGOV", "PRK", "11", "accused", "Yoon accused the North of using the exercises as an excuse (112 accuse)"),
        ev(
            "USAGOV",
            "PRKGOV",
            "02",
            "urged",
            "The U.S. State Department urged Pyongyang (metonym) to return to talks (02 appeal)",
        ),
    ],
    [q("PRKGOV", "The enemies should know"), q("KORGOV", "North Korea's threats will")],
    [pl("Seoul", "KOR"), pl("Tokyo", "JPN"), pl("Japan", "JPN")],
    [tm("on Thursday", "2023-03-16"), tm("on Monday", "2023-03-13"), tm("last year", "2022")],
    wrap=66,
)

# ------------------------------------------------------ 10 expel diplomats
add(
    "sample-10-estonia-expels-russian-diplomats",
    "Estonia expels two Russian diplomats, Moscow vows response",
    "2024-06-12",
    """
TALLINN, June 12 (tidings) - Estonia expelled two Russian diplomats on Tuesday and ordered them to leave the country by Friday, saying they had worked to undermine its security and constitutional order.

The Estonian foreign ministry summoned Russia's charge d'affaires to hand over the expulsion order. It said the two diplomats, a first secretary and an attache, had been involved in activities incompatible with their diplomatic status.

"Russia is using its embassy in Tallinn as a base for influence operations against our society, and we will not tolerate it," Foreign Minister Margus Tsahkna told reporters. "Our message to Moscow is simple: stop interfering in Estonia."

The country's Internal Security Service has reported a sharp increase in sabotage, cyber attacks and propaganda campaigns linked to Russian intelligence this year, particularly in the mostly Russian-speaking border city of Narva.

Russia's foreign ministry threatened retaliation against Estonia. Spokeswoman Maria Zakharova said Moscow would respond "in a way that will be felt".

Kremlin spokesman Dmitry Peskov accused Estonia of stoking "anti-Russian hysteria" to please its allies in NATO.

Relations between Russia and the Baltic states have deteriorated sharply since Moscow launched its full-scale invasion of Ukraine in February 2022. Estonia, a member of NATO and the European Union, has repeatedly cut the number of Russian diplomats allowed in the country and last year asked Russia to reduce its embassy staff to the level of Estonia's mission in Moscow.
""",
    [
        ev(
            "ESTGOV",
            "RUSGOV",
            "16",
            "expelled",
            "Estonia expelled two Russian diplomats (16 reduce relations: expulsion of diplomats)",
        ),
        ev(
            "RUSGOV",
            "ESTGOV",
            "13",
            "threatened",
            "Russia's foreign ministry threatened retaliation against Estonia (13 threaten)",
        ),
        ev("RUSGOV", "EST", "11", "accused", "Peskov accused Estonia of stoking hysteria (112 accuse)"),
    ],
    [q("ESTGOV", "Russia is using its")],
    [pl("Tallinn", "EST"), pl("Narva", "EST"), pl("Ukraine", "UKR"), pl("Moscow", "RUS")],
    [tm("on Tuesday", "2024-06-11"), tm("by Friday", "2024-06-14"), tm("last year", "2023")],
)

# ------------------------------------------------- 11 prisoner swap (curly)
add(
    "sample-11-russia-ukraine-prisoner-exchange",
    "Russia and Ukraine swap nearly 200 prisoners of war",
    "2024-04-18",
    """
KYIV, April 18 (tidings) \u2013 Russia and Ukraine exchanged nearly 200 prisoners of war on Wednesday in a swap mediated by the United Arab Emirates, officials in both countries said, the first such exchange in more than a month.

Russia released 98 Ukrainian soldiers, including defenders of Mariupol and border guards captured in the first weeks of the war, Ukrainian President Volodymyr Zelensky said. Ukraine handed over the same number of Russian servicemen, Russia\u2019s defence ministry said.

\u201cOur people are home. We remember every one of those who are still in Russian captivity, and we will bring them all back,\u201d Zelensky wrote on social media, posting photographs of the freed men wrapped in blue and yellow flags.

Zelensky thanked the United Arab Emirates for its help in arranging the exchange.

Russia\u2019s defence ministry said the returning Russian soldiers were being flown to Moscow for medical treatment and rehabilitation. \u201cThe servicemen will receive all the necessary psychological and medical assistance,\u201d the ministry said in a statement.

Ukraine\u2019s human rights commissioner, Dmytro Lubinets, accused Russia of torturing Ukrainian prisoners and of denying them access to the International Committee of the Red Cross. Many of the men who came home on Wednesday had lost a third of their body weight, he said.

Officials in Kyiv say thousands of Ukrainians remain in Russian detention, including civilians from the occupied parts of the Zaporizhzhia and Kherson regions. The \u2018all for all\u2019 exchange that Ukraine has proposed has been rejected by Moscow, according to Ukrainian officials.

The last exchange, in February, brought home 100 Ukrainian soldiers.
""",
    [
        ev("RUS", "UKR", "08", "released", "Russia released 98 Ukrainian soldiers (0841 return/release persons)"),
        ev("UKR", "RUS", "08", "handed", "Ukraine handed over the same number of Russian servicemen (0841)"),
        ev("UKRGOV", "ARE", "05", "thanked", "Zelensky thanked the United Arab Emirates (051 praise)"),
        ev("UKRGOV", "RUS", "11", "accused", "Lubinets accused Russia of torturing Ukrainian prisoners (112 accuse)"),
    ],
    [q("UKRGOV", "Our people are home."), q("RUS", "The servicemen will receive")],
    [pl("Kyiv", "UKR"), pl("Mariupol", "UKR"), pl("Moscow", "RUS"), pl("Zaporizhzhia", "UKR"), pl("Kherson", "UKR")],
    [tm("on Wednesday", "2024-04-17"), tm("in February", "2024-02")],
)

# --------------------------------------------------- 12 military exercise
add(
    "sample-12-china-drills-around-taiwan",
    "China launches large-scale drills around Taiwan",
    "2025-09-24",
    """
TAIPEI, Sept 24 (tidings) - China's military launched large-scale air and naval drills around Taiwan on Tuesday, sending warships and dozens of fighter jets close to the island in what it called a warning to "separatist forces".

The People's Liberation Army's Eastern Theater Command said the exercises were taking place in the Taiwan Strait and in waters to the north, south and east of the island, and included live-fire training and simulated strikes on ports.

"The drills are a stern warning to the separatist forces seeking Taiwan independence and a necessary action to safeguard national sovereignty," a spokesman for the command said in a statement.

Taiwan's defence ministry said it had detected 45 Chinese military aircraft and 17 navy vessels around the island by Wednesday morning. Taiwan deployed warships, fighter jets and land-based missile systems to monitor the Chinese forces, the ministry said.

Taiwan's presidential office condemned Beijing for threatening peace and stability in the region. "Military intimidation will not win the hearts of the Taiwanese people," a presidential office spokeswoman told reporters in Taipei.

The U.S. State Department urged China to exercise restraint and said Washington was monitoring the situation closely with its partners. Japan's government said it had expressed concern to Beijing through diplomatic channels.

Beijing regards democratically governed Taiwan as its own territory and has stepped up military pressure on the island since President Lai Ching-te took office in May last year. Lai rejects Beijing's sovereignty claims and says only Taiwan's people can decide their future.
""",
    [
        ev(
            "CHNMIL",
            "TWN",
            "15",
            "launched",
            "China's military launched drills around Taiwan (15 exhibit military posture)",
        ),
        ev(
            "TWNMIL",
            "CHNMIL",
            "15",
            "deployed",
            "Taiwan deployed warships and jets to monitor the Chinese forces (152 increase military alert)",
        ),
        ev(
            "TWNGOV",
            "CHNGOV",
            "11",
            "condemned",
            "Taiwan's presidential office condemned Beijing (metonym) (111 criticise/denounce)",
        ),
        ev(
            "USAGOV", "CHNGOV", "02", "urged", "The U.S. State Department urged China to exercise restraint (02 appeal)"
        ),
    ],
    [q("CHNMIL", "The drills are a"), q("TWNGOV", "Military intimidation will not")],
    [pl("Taipei", "TWN"), pl("Taiwan", "TWN")],
    [tm("on Tuesday", "2025-09-23"), tm("in May last year", "2024-05")],
)

# --------------------------------------------------- 13 accusation (wrapped)
add(
    "sample-13-hungary-accuses-ukraine-minority",
    "Hungary accuses Ukraine of violating Hungarian minority's rights",
    "2019-10-09",
    """
BUDAPEST, Oct 9 (tidings) - Hungarian Foreign Minister Peter Szijjarto accused Ukraine on Tuesday of violating the rights of its ethnic Hungarian minority, deepening a dispute that has soured relations between the two neighbours for two years.

Szijjarto met his Ukrainian counterpart, Vadym Prystaiko, in Budapest on Tuesday. It was the first visit by a senior Ukrainian official to Hungary since President Volodymyr Zelensky took office in May.

At issue is a 2017 education law that limits teaching in minority languages in secondary schools. About 150,000 ethnic Hungarians live in the Transcarpathia region of western Ukraine, and many of them hold Hungarian passports.

"We cannot support Ukraine's integration with NATO as long as Hungarian children in Transcarpathia are denied the right to learn in their mother tongue," Szijjarto told a joint news conference. "The ball is in Kyiv's court."

Prystaiko rejected Hungary's demand to suspend the law but said his government was ready to hold further consultations with the Hungarian community. "Ukraine is open to dialogue, but we will not allow anyone to dictate our domestic policy," Prystaiko said.

Relations worsened last year when Ukraine expelled a Hungarian consul from the town of Berehove after a video appeared to show Hungarian passports being handed out at the consulate.

Szijjarto said he would travel to Uzhhorod next month to meet leaders of the Hungarian community.
""",
    [
        ev("HUNGOV", "UKR", "11", "accused", "Szijjarto accused Ukraine of violating minority rights (112 accuse)"),
        ev("HUNGOV", "UKRGOV", "04", "met", "Szijjarto met his Ukrainian counterpart, Vadym Prystaiko (042/043 meet)"),
        ev("UKRGOV", "HUN", "12", "rejected", "Prystaiko rejected Hungary's demand (12 reject)"),
    ],
    [q("HUNGOV", "We cannot support Ukraine's"), q("UKRGOV", "Ukraine is open to")],
    [
        pl("Budapest", "HUN"),
        pl("Hungary", "HUN"),
        pl("Transcarpathia", "UKR"),
        pl("Ukraine", "UKR"),
        pl("Berehove", "UKR"),
        pl("Uzhhorod", "UKR"),
    ],
    [tm("on Tuesday", "2019-10-08"), tm("in May", "2019-05"), tm("last year", "2018"), tm("next month", "2019-11")],
    wrap=62,
)

# ------------------------------------------------------- 14 strike (promo)
add(
    "sample-14-france-pension-strike",
    "French unions stage nationwide strike against pension reform",
    "2023-03-08",
    """
PARIS, March 8 (tidings) - French trade unions staged a nationwide strike on Tuesday against President Emmanuel Macron's plan to raise the retirement age, disrupting trains, flights, schools and fuel deliveries as hundreds of thousands of people marched in cities across the country.

Most high-speed and regional trains were cancelled, the Paris metro ran a reduced service, and workers blocked shipments from several oil refineries, including sites in Normandy and near Marseille.

READ MORE: Rubbish piles up in Paris streets as refuse collectors join walkout

"The government cannot ignore the millions of people who are saying no to this reform," CGT union leader Philippe Martinez told reporters at the head of the march in Paris.

The eight main unions demanded that the government withdraw the reform, which would raise the minimum pension age from 62 to 64.

Prime Minister Elisabeth Borne rejected the unions' demands and said the reform was needed to keep the pension system out of deficit. "We have listened, we have made changes, and now parliament must vote," Labour Minister Olivier Dussopt said in a radio interview on Wednesday.

Also Read: Macron's approval rating slides to lowest level since 2019

The Senate is expected to vote on the bill later this week. Unions have called a new day of strikes and demonstrations for Saturday.

Police detained 22 people in Paris after clashes between officers and masked protesters near Place de la Nation late in the day, the Paris police prefecture said.

Click here to subscribe to our newsletter

Opinion polls show that about two-thirds of French voters oppose the reform.
""",
    [
        ev(
            "FRALAB",
            "FRAGOV",
            "14",
            "strike",
            "French trade unions staged a nationwide strike against Macron's plan (143 conduct strike)",
        ),
        ev(
            "FRALAB",
            "FRAGOV",
            "10",
            "demanded",
            "The eight main unions demanded that the government withdraw the reform (10 demand)",
        ),
        ev("FRAGOV", "FRALAB", "12", "rejected", "Borne rejected the unions' demands (12 reject)"),
        ev(
            "FRACOP", "FRAOPP", "17", "detained", "Police detained 22 people after clashes with protesters (173 arrest)"
        ),
    ],
    [q("FRALAB", "The government cannot ignore"), q("FRAGOV", "We have listened, we")],
    [pl("Paris", "FRA"), pl("Normandy", "FRA"), pl("Marseille", "FRA")],
    [tm("on Tuesday", "2023-03-07"), tm("on Wednesday", "2023-03-08"), tm("for Saturday", "2023-03-11")],
)

# --------------------------------------------------------------- 15 visit
add(
    "sample-15-scholz-meets-xi-beijing",
    "Scholz meets Xi in Beijing, urges him to press Russia",
    "2022-11-04",
    """
BEIJING, Nov 4 (tidings) - German Chancellor Olaf Scholz met Chinese President Xi Jinping in Beijing on Friday on a one-day visit that has drawn criticism at home and among Germany's allies.

Scholz urged Xi to use his influence on Russia to help end the war in Ukraine. "It is important that China uses its influence on Russia," Scholz told reporters after the talks. "We agree that threats to use nuclear weapons are irresponsible and dangerous."

According to Chinese state television, Xi said the international community should oppose the use or threat of use of nuclear weapons and called for talks to end the conflict. Xi also said China and Germany should work together "in times of change and turmoil".

Scholz, who was accompanied by a delegation of German business executives, also held talks with Premier Li Keqiang. The two governments agreed to deepen cooperation on climate change and food security, officials said.

The visit came less than two weeks after Xi secured a third term as leader of the Communist Party at a congress in Beijing last month.

Opposition conservatives accused Scholz of putting business interests ahead of human rights and of making Germany too dependent on China. The government recently allowed the Chinese shipping company COSCO to buy a minority stake in a container terminal in the port of Hamburg, despite objections from several ministries.

China is Germany's largest trading partner, with bilateral trade worth more than 245 billion euros last year.
""",
    [
        ev(
            "DEUGOV",
            "CHNGOV",
            "04",
            "met",
            "Scholz met Chinese President Xi Jinping in Beijing (042/043 make a visit / host)",
        ),
        ev("DEUGOV", "CHNGOV", "02", "urged", "Scholz urged Xi to use his influence on Russia (02 appeal)"),
        ev("DEUOPP", "DEUGOV", "11", "accused", "Opposition conservatives accused Scholz (112 accuse)"),
    ],
    [q("DEUGOV", "It is important that")],
    [pl("Beijing", "CHN"), pl("Ukraine", "UKR"), pl("Hamburg", "DEU")],
    [tm("on Friday", "2022-11-04"), tm("last month", "2022-10"), tm("last year", "2021")],
)

# ------------------------------------------------ 16 opposition arrests
add(
    "sample-16-serbia-opposition-activists-arrested",
    "Serbian police arrest opposition activists on coup charges",
    "2026-01-19",
    """
BELGRADE, Jan 19 (tidings) - Serbian police arrested four opposition activists in Belgrade and Novi Sad on Saturday on charges of plotting to overthrow the constitutional order, prosecutors said on Monday.

The activists, who include a university professor and two members of a student-led citizens' group, were ordered held in custody for 30 days by a court in Belgrade. Their lawyers said the charges were based on messages from a private chat group and called them absurd.

President Aleksandar Vucic defended the arrests. "Nobody is above the law, and nobody will be allowed to take power through violence," Vucic said in a television interview on Sunday.

Opposition leaders accused Vucic of using the police and the courts to silence his critics ahead of parliamentary elections that he has promised to call this year.

Thousands of people rallied outside the court building in Belgrade on Sunday evening, chanting slogans against the government and demanding the release of the detained activists. The protest ended peacefully.

Anti-government protests have taken place across Serbia for more than a year, since the collapse of a concrete canopy at the Novi Sad railway station killed 16 people in November 2024. Protesters blame the disaster on corruption in state construction projects.

The European Union urged Serbian authorities to respect the right to peaceful assembly and to guarantee a fair trial for the detained activists. "Serbia's path to the EU depends on the rule of law," EU enlargement commissioner Marta Kos said in a statement.
""",
    [
        ev("SRBCOP", "SRBOPP", "17", "arrested", "Serbian police arrested four opposition activists (173 arrest)"),
        ev("SRBOPP", "SRBGOV", "11", "accused", "Opposition leaders accused Vucic (112 accuse)"),
        ev(
            "IGOEUREEC",
            "SRBGOV",
            "02",
            "urged",
            "The European Union urged Serbian authorities to respect assembly rights (02 appeal)",
        ),
    ],
    [q("SRBGOV", "Nobody is above the"), q("IGOEUREEC", "Serbia's path to the")],
    [pl("Belgrade", "SRB"), pl("Novi Sad", "SRB"), pl("Serbia", "SRB")],
    [
        tm("on Saturday", "2026-01-17"),
        tm("on Monday", "2026-01-19"),
        tm("on Sunday", "2026-01-18"),
        tm("this year", "2026"),
    ],
)


# ================================================================= checks
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def check() -> list[str]:
    errors = []
    ids = set()
    for item in ARTICLES:
        a, e = item["article"], item["expected"]
        aid = a["id"]
        if aid in ids:
            errors.append(f"{aid}: duplicate id")
        ids.add(aid)
        text = norm(a["text"])
        low = text.lower()
        n_words = len(text.split())
        if not 180 <= n_words <= 450:
            errors.append(f"{aid}: {n_words} words")
        date = dt.date.fromisoformat(a["date"])
        if not 2 <= len(e["events"]) <= 4:
            errors.append(f"{aid}: {len(e['events'])} events")
        for x in e["events"]:
            if not re.search(r"\b" + re.escape(x["trigger"].lower()) + r"\b", low):
                errors.append(f"{aid}: trigger {x['trigger']!r} missing")
            if not re.fullmatch(r"\d\d", x["root"]) or not 1 <= int(x["root"]) <= 20:
                errors.append(f"{aid}: bad root {x['root']}")
        for x in e["quotes"]:
            fw = norm(x["first_words"])
            if not re.search(r"[\"\u201c]" + re.escape(fw), text):
                errors.append(f"{aid}: quote {fw!r} missing")
        for x in e["places"]:
            if x["name"].lower() not in low:  # datelines are upper case
                errors.append(f"{aid}: place {x['name']!r} missing")
        for x in e["times"]:
            if x["text"] not in text:
                errors.append(f"{aid}: time {x['text']!r} missing")
            wd = [w for w in WEEKDAYS if w in x["text"].lower()]
            if wd:
                v = dt.date.fromisoformat(x["value"])
                if WEEKDAYS[v.weekday()] != wd[0]:
                    errors.append(f"{aid}: {x['text']} -> {x['value']} is a {v:%A}")
                if abs((v - date).days) > 6:
                    errors.append(f"{aid}: {x['text']} -> {x['value']} too far from {date}")
    return errors


def main() -> None:
    errors = check()
    if errors:
        raise SystemExit("\n".join(errors))
    ARTICLES_OUT.parent.mkdir(parents=True, exist_ok=True)
    EXPECTED_OUT.parent.mkdir(parents=True, exist_ok=True)
    with ARTICLES_OUT.open("w", encoding="utf-8") as fh:
        for item in ARTICLES:
            fh.write(json.dumps(item["article"], ensure_ascii=False) + "\n")
    expected = {item["article"]["id"]: item["expected"] for item in ARTICLES}
    EXPECTED_OUT.write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(ARTICLES)} articles")


if __name__ == "__main__":
    main()
