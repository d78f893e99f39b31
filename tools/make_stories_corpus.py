#!/usr/bin/env python3
"""Generate the cross-article test corpus (issue 19) and its gold.

Every article below is original text written for the tidings project: invented
events set in real places in November 2025, each written up independently by
four to six fictional outlets (different wording, different details,
published on the day or the day after), some as a headline with one line of
body, some republished by a second outlet under a new title (syndicated
copies), plus ten distractors about related but distinct acts (the next day's
strike, the retaliation, the follow-up meeting). None of it reports a real
event. Running this script (re)writes:

  tests/fixtures/stories/articles.jsonl   one article a line, the format `tidings process` reads
  tests/fixtures/stories/gold.json        the events, and for each article its story, copy and mentions

and checks that every gold phrase occurs exactly once in its article (title
and text as the cleaner joins them), that a copy's body is its original's,
and that every weekday named in a dated phrase falls on its event's date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "stories"

# --------------------------------------------------------------------------------------- events
# One entry per real-world act: its day, CAMEO root, the dyad as CAMEO codes (as specific as CAMEO
# is unambiguous: a country, or its government, army, rebels, opposition), whether the dyad may be
# told either way round (a mutual act; a visit, told by the guest or the host), and its place. "E" events have several write-ups; "D" events
# are the distractors, each close to one "E" event but a distinct act.


def event(day: str, root: str, source: str | None, target: str | None, place: str, what: str, *, symmetric=False):
    return {
        "date": day,
        "root": root,
        "source": source,
        "target": target,
        "symmetric": symmetric,
        "place": place,
        "what": what,
    }


EVENTS = {
    "E01": event("2025-11-03", "19", "RUS", "UKR", "Kharkiv", "Russian missile strike on a power plant near Kharkiv"),
    "D01": event("2025-11-04", "19", "RUS", "UKR", "Odesa", "Russian drone strike on Odesa port, the next day"),
    "E02": event("2025-11-04", "04", "RUSGOV", "TURGOV", "Sochi", "Putin and Erdogan meet in Sochi", symmetric=True),
    "D02": event(
        "2025-11-05",
        "04",
        "RUSGOV",
        "TURGOV",
        "Moscow",
        "Foreign ministers meet in Moscow, the next day",
        symmetric=True,
    ),
    "E03": event("2025-11-08", "14", "GEOOPP", "GEOGOV", "Tbilisi", "Mass protest in Tbilisi against an NGO law"),
    "D03": event("2025-11-09", "14", "GEOOPP", "GEOGOV", "Batumi", "The next day's protest, in Batumi"),
    "E04": event("2025-11-10", "16", "IGOEUREEC", "IRN", "Brussels", "EU sanctions on Iran over drones for Russia"),
    "D04": event("2025-11-11", "16", "IRN", "IGOEUREEC", "Tehran", "Iran's counter-sanctions on EU officials"),
    "E05": event("2025-11-11", "16", "POLGOV", "RUSGOV", "Warsaw", "Poland expels three Russian diplomats"),
    "D05": event("2025-11-12", "16", "RUSGOV", "POLGOV", "Moscow", "Russia expels three Polish diplomats in return"),
    "E06": event(
        "2025-11-12", "05", "ARMGOV", "AZEGOV", "Geneva", "Armenia and Azerbaijan sign a border deal", symmetric=True
    ),
    "D06": event(
        "2025-11-13", "05", "AZEGOV", "GEOGOV", "Baku", "Azerbaijan and Georgia sign a border deal", symmetric=True
    ),
    "E07": event(
        "2025-11-13", "08", "SDNMIL", "SDNREB", "El Fasher", "Sudan's army and RSF agree a truce", symmetric=True
    ),
    "D07": event("2025-11-16", "08", "SDNMIL", "SDNREB", "El Fasher", "The truce extended by a week", symmetric=True),
    "E08": event(
        "2025-11-14", "17", "VENGOV", "VENOPP", "Caracas", "Venezuelan agents detain an opposition politician"
    ),
    "D08": event("2025-11-15", "17", "VENGOV", "VENOPP", "Maracaibo", "A second opposition figure detained"),
    "E09": event("2025-11-17", "03", "JPNGOV", "SDN", "Tokyo", "Japan pledges $150 million aid for Sudan"),
    "E10": event(
        "2025-11-18", "04", "FRAGOV", "UKRGOV", "Kyiv", "Macron visits Kyiv and meets Zelensky", symmetric=True
    ),
    "D10": event(
        "2025-11-19", "04", "DEUGOV", "UKRGOV", "Kyiv", "The German chancellor visits Kyiv the next day", symmetric=True
    ),
    "E11": event("2025-11-19", "19", "ISR", "LBN", "Tyre", "Israeli air strike on a Hezbollah depot near Tyre"),
    "D11": event("2025-11-19", "19", "LBN", "ISR", "northern Israel", "Hezbollah rockets at Israel, hours later"),
    "E12": event("2025-11-20", "18", None, "NGA", "Kaduna", "Gunmen abduct 30 students in Kaduna state"),
}

OUTLETS = {
    "Northwire": "northwire.example",
    "Atlas Wire": "atlaswire.example",
    "Meridian Post": "meridianpost.example",
    "Capital Ledger": "capitalledger.example",
    "Eastbridge News": "eastbridge.example",
    "Continental Herald": "continentalherald.example",
    "Global Desk Radio": "globaldesk.example",
    "Harbour Times": "harbourtimes.example",
    "Daily Compass": "dailycompass.example",
    "Frontier Review": "frontierreview.example",
    "Civic Bulletin": "civicbulletin.example",
    "Riverside Gazette": "riversidegazette.example",
}

ARTICLES: list[dict] = []


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def add(aid, story, source, day, title, body, mentions, kind="writeup"):
    """One article; ``mentions`` are (phrase, event) pairs: each phrase tells that event once."""
    ARTICLES.append(
        {
            "id": aid,
            "story": story,
            "kind": kind,
            "copy_of": None,
            "source": source,
            "date": day,
            "url": f"https://{OUTLETS[source]}/{day.replace('-', '/')}/{slug(title)}",
            "title": title,
            "text": body.strip(),
            "mentions": [{"phrase": p, "event": e} for p, e in mentions],
        }
    )


def copy(aid, of, source, day, title, *, drop_last=False):
    """A syndicated copy: another outlet's republication of ``of`` under a new title."""
    orig = next(a for a in ARTICLES if a["id"] == of)
    body = orig["text"]
    if drop_last:
        body = body.rsplit("\n\n", 1)[0]
    full = title + "\n\n" + body
    mentions = [m for m in orig["mentions"] if m["phrase"] in body]
    ARTICLES.append(
        {
            **orig,
            "id": aid,
            "kind": "copy",
            "copy_of": of,
            "source": source,
            "date": day,
            "url": f"https://{OUTLETS[source]}/{day.replace('-', '/')}/{slug(title)}",
            "title": title,
            "text": body,
            "mentions": [m for m in mentions if full.count(m["phrase"]) == 1],
        }
    )


# ------------------------------------------------------------------- E01 Kharkiv power plant
add(
    "e01-northwire",
    "E01",
    "Northwire",
    "2025-11-03",
    "Russian missiles hit power plant near Kharkiv, two killed",
    """
KHARKIV, Ukraine, Nov 3 (Northwire) - Russian missiles hit a thermal power plant on the outskirts of Kharkiv on Monday, killing two workers and cutting electricity to about 200,000 homes, regional officials said.

Regional governor Oleh Syniehubov said the plant was struck by at least three missiles shortly after 6 a.m. and that repair crews were working to restore power. Nine people were injured, four of them seriously.

Russia's defence ministry said its forces had carried out a strike on "energy infrastructure used by the Ukrainian military" but did not name the plant.

Ukraine's foreign minister called on allies to speed up deliveries of air defence systems before the winter.
""",
    [
        ("Russian missiles hit power plant near Kharkiv", "E01"),
        ("Russian missiles hit a thermal power plant on the outskirts of Kharkiv on Monday", "E01"),
        ("the plant was struck by at least three missiles", "E01"),
        ("its forces had carried out a strike on", "E01"),
    ],
)
copy(
    "e01-riverside-copy",
    "e01-northwire",
    "Riverside Gazette",
    "2025-11-03",
    "Two dead as missiles slam into Kharkiv power station",
)
add(
    "e01-meridian",
    "E01",
    "Meridian Post",
    "2025-11-03",
    "Kharkiv plunged into darkness after Russian strike on power station",
    """
Much of Kharkiv was without electricity on Monday evening after a Russian missile attack destroyed two generating units at a power station serving Ukraine's second-largest city.

Two employees of the plant died and nine were taken to hospital, the regional administration said. Mayor Ihor Terekhov said trams and water pumps had stopped working in several districts.

"People need heat as winter approaches, and this is what they get instead," Terekhov told reporters outside the damaged site. Moscow says it targets only sites linked to the military.
""",
    [
        ("Russian strike on power station", "E01"),
        ("a Russian missile attack destroyed two generating units at a power station", "E01"),
    ],
)
add(
    "e01-eastbridge",
    "E01",
    "Eastbridge News",
    "2025-11-04",
    "Ukraine says Russia targeted Kharkiv energy site in morning raid",
    """
KYIV, Nov 4 - Ukrainian officials said on Tuesday that Russia fired three Iskander missiles at a thermal power plant near Kharkiv on Monday morning, the latest in a string of attacks on the country's energy grid ahead of winter.

Two people were killed in Monday's strike on the plant. Power had been restored to about half of the homes affected by Tuesday afternoon, grid operator Ukrenergo said.

Ukrenergo asked residents of the Kharkiv region to limit their use of electric heaters in the evening.
""",
    [
        ("Russia targeted Kharkiv energy site", "E01"),
        ("Russia fired three Iskander missiles at a thermal power plant near Kharkiv on Monday morning", "E01"),
        ("Monday's strike on the plant", "E01"),
    ],
)
add(
    "e01-globaldesk-brief",
    "E01",
    "Global Desk Radio",
    "2025-11-03",
    "Russian missile strike knocks out Kharkiv power plant",
    """
Kharkiv's mayor says the city is running on emergency generators. More to follow.
""",
    [("Russian missile strike knocks out Kharkiv power plant", "E01")],
    kind="brief",
)
add(
    "e01-continental",
    "E01",
    "Continental Herald",
    "2025-11-04",
    "Kharkiv counts the cost of power plant attack as cold sets in",
    """
KHARKIV, Nov 4 (Continental Herald) - Engineers in Kharkiv worked through the night after Russian forces struck the city's main thermal power plant on Monday, an attack that killed two workers and left hundreds of thousands of residents without heating.

City officials opened 60 heating points in schools and metro stations. The Kremlin declined to comment on the strike, saying questions should go to the defence ministry.

The plant had been repaired only in September after an earlier attack.
""",
    [
        ("power plant attack", "E01"),
        ("Russian forces struck the city's main thermal power plant on Monday", "E01"),
    ],
)
add(
    "d01-atlas",
    "D01",
    "Atlas Wire",
    "2025-11-04",
    "Russian drones strike Odesa port a day after Kharkiv attack",
    """
ODESA, Ukraine, Nov 4 (Atlas Wire) - Russian drones struck grain terminals at the port of Odesa on Tuesday, setting a warehouse on fire and wounding three dock workers, the regional governor said.

The raid came a day after Russian missiles hit a power plant near Kharkiv, killing two people. Ukraine's air force said it had shot down 21 of the 28 drones launched overnight.

Port operations were suspended for several hours while firefighters put out the blaze.
""",
    [
        ("Russian drones strike Odesa port", "D01"),
        ("Kharkiv attack", "E01"),
        ("Russian drones struck grain terminals at the port of Odesa on Tuesday", "D01"),
        ("Russian missiles hit a power plant near Kharkiv", "E01"),
    ],
    kind="distractor",
)

# ------------------------------------------------------------------- E02 Putin and Erdogan in Sochi
add(
    "e02-northwire",
    "E02",
    "Northwire",
    "2025-11-04",
    "Putin and Erdogan meet in Sochi, discuss Black Sea shipping",
    """
SOCHI, Russia, Nov 4 (Northwire) - Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdogan in the Black Sea resort of Sochi on Tuesday for talks on shipping, gas supplies and the war in Ukraine, the Kremlin said.

The two leaders met for more than three hours at Putin's residence. Erdogan told reporters afterwards that Turkey was ready to host new negotiations between Moscow and Kyiv.

Putin said trade between the two countries had grown by a fifth this year and praised Turkey's role as a hub for Russian gas.
""",
    [
        ("Putin and Erdogan meet in Sochi", "E02"),
        ("Vladimir Putin hosted Turkish President Recep Tayyip Erdogan", "E02"),
        ("The two leaders met for more than three hours", "E02"),
    ],
)
add(
    "e02-atlas",
    "E02",
    "Atlas Wire",
    "2025-11-04",
    "Erdogan, Putin hold talks in Sochi on gas hub and grain",
    """
Turkish President Tayyip Erdogan held talks with Russian President Vladimir Putin in Sochi on Tuesday, seeking to revive an arrangement for grain shipments across the Black Sea, Turkish officials said.

The officials said the leaders also discussed a planned gas trading hub in Thrace and the construction of the Akkuyu nuclear power plant, which Russia is building.

Ankara has kept close ties with Moscow while supplying drones to Kyiv.
""",
    [
        ("Erdogan, Putin hold talks in Sochi", "E02"),
        ("Tayyip Erdogan held talks with Russian President Vladimir Putin in Sochi on Tuesday", "E02"),
    ],
)
add(
    "e02-capital",
    "E02",
    "Capital Ledger",
    "2025-11-05",
    "Erdogan visit to Sochi yields few concrete results",
    """
ANKARA, Nov 5 - Turkish President Recep Tayyip Erdogan came home from Sochi on Wednesday with promises of closer energy ties but no deal on Black Sea shipping, a day after his meeting with Russian President Vladimir Putin.

Analysts in Ankara said the talks had mostly confirmed existing projects. Opposition lawmakers criticised the trip, saying Turkey risked Western sanctions.
""",
    [
        ("Erdogan visit to Sochi", "E02"),
        ("his meeting with Russian President Vladimir Putin", "E02"),
    ],
)
add(
    "e02-harbour-brief",
    "E02",
    "Harbour Times",
    "2025-11-04",
    "Turkey's Erdogan meets Putin in Sochi",
    """
It is the Turkish leader's first trip to Russia this year.
""",
    [("Turkey's Erdogan meets Putin in Sochi", "E02")],
    kind="brief",
)
add(
    "e02-compass",
    "E02",
    "Daily Compass",
    "2025-11-04",
    "Kremlin hails 'constructive' Putin-Erdogan summit",
    """
MOSCOW, Nov 4 - The Kremlin described Tuesday's talks between Vladimir Putin and Recep Tayyip Erdogan in Sochi as constructive and said the two presidents had agreed to meet again next year.

Kremlin spokesman Dmitry Peskov said the leaders had discussed Ukraine "in detail" but gave no specifics.
""",
    [("Tuesday's talks between Vladimir Putin and Recep Tayyip Erdogan in Sochi", "E02")],
)
add(
    "d02-meridian",
    "D02",
    "Meridian Post",
    "2025-11-05",
    "Russian, Turkish foreign ministers meet in Moscow day after Sochi summit",
    """
MOSCOW, Nov 5 - Russian Foreign Minister Sergei Lavrov met his Turkish counterpart Hakan Fidan in Moscow on Wednesday to work out the details of agreements reached by their presidents a day earlier.

Putin and Erdogan met in Sochi on Tuesday. Lavrov said the ministers had discussed the security of shipping in the Black Sea and the situation in Syria.
""",
    [
        ("Russian, Turkish foreign ministers meet in Moscow", "D02"),
        ("Sochi summit", "E02"),
        ("Sergei Lavrov met his Turkish counterpart Hakan Fidan in Moscow on Wednesday", "D02"),
        ("Putin and Erdogan met in Sochi on Tuesday", "E02"),
    ],
    kind="distractor",
)

# ------------------------------------------------------------------- E03 Tbilisi protest
add(
    "e03-northwire",
    "E03",
    "Northwire",
    "2025-11-08",
    "Tens of thousands rally in Tbilisi against NGO law",
    """
TBILISI, Nov 8 (Northwire) - Tens of thousands of Georgians rallied outside parliament in Tbilisi on Saturday against a law that would put non-governmental organisations under state supervision, one of the largest demonstrations in the country this year.

Protesters waved Georgian and European Union flags and chanted slogans against the ruling Georgian Dream party. Organisers put the crowd at 80,000; police gave no figure.

Georgian Dream says the law is needed to make the funding of civil society groups transparent.
""",
    [
        ("Tens of thousands rally in Tbilisi", "E03"),
        ("Tens of thousands of Georgians rallied outside parliament in Tbilisi on Saturday", "E03"),
    ],
)
add(
    "e03-eastbridge",
    "E03",
    "Eastbridge News",
    "2025-11-08",
    "Georgians march against 'foreign influence' bill",
    """
Crowds of protesters marched through central Tbilisi on Saturday evening, demanding that Georgia's government withdraw a bill on the foreign funding of civil society groups.

Students, opposition politicians and pensioners walked from the philharmonic hall to parliament, where speakers called the bill a copy of a Russian law used to silence critics.
""",
    [
        ("Georgians march against", "E03"),
        ("Crowds of protesters marched through central Tbilisi on Saturday evening", "E03"),
    ],
)
add(
    "e03-continental",
    "E03",
    "Continental Herald",
    "2025-11-09",
    "Huge Tbilisi protest piles pressure on Georgian government",
    """
TBILISI, Nov 9 - Georgia's government faced mounting pressure on Sunday after a mass protest in the capital on Saturday drew tens of thousands of people opposed to a law on non-governmental organisations.

The prime minister said the government would not withdraw the bill but was open to changing some of its provisions.
""",
    [
        ("Huge Tbilisi protest", "E03"),
        ("a mass protest in the capital on Saturday", "E03"),
    ],
)
add(
    "e03-atlas-brief",
    "E03",
    "Atlas Wire",
    "2025-11-08",
    "Thousands protest in Georgian capital over NGO law",
    """
Police have closed Rustaveli Avenue to traffic. Developing story.
""",
    [("Thousands protest in Georgian capital", "E03")],
    kind="brief",
)
add(
    "e03-globaldesk",
    "E03",
    "Global Desk Radio",
    "2025-11-08",
    "Georgia: opposition supporters demonstrate against NGO law",
    """
Opposition supporters demonstrated in Tbilisi on Saturday against a bill that critics say would let the government shut down independent media and charities.

The rally outside parliament was peaceful, according to our correspondent, although some protesters briefly blocked the entrance to a government building.
""",
    [
        ("opposition supporters demonstrate against NGO law", "E03"),
        ("Opposition supporters demonstrated in Tbilisi on Saturday", "E03"),
    ],
)
add(
    "d03-harbour",
    "D03",
    "Harbour Times",
    "2025-11-09",
    "Thousands rally in Batumi as Georgian protests spread",
    """
BATUMI, Georgia, Nov 9 - Several thousand people rallied in the Black Sea city of Batumi on Sunday against the government's NGO law, a day after a mass protest in Tbilisi, as opposition to the bill spread beyond the capital.

Protesters gathered outside the city hall and marched along the seafront, chanting slogans against the ruling party. Police said the rally passed without incident.
""",
    [
        ("Thousands rally in Batumi", "D03"),
        ("Several thousand people rallied in the Black Sea city of Batumi on Sunday", "D03"),
        ("a mass protest in Tbilisi", "E03"),
    ],
    kind="distractor",
)

# ------------------------------------------------------------------- E04 EU sanctions on Iran
add(
    "e04-northwire",
    "E04",
    "Northwire",
    "2025-11-10",
    "EU imposes sanctions on Iran over drone deliveries to Russia",
    """
BRUSSELS, Nov 10 (Northwire) - The European Union imposed sanctions on eight Iranian officials and four companies on Monday over the supply of drones and missile parts to Russia, the bloc's foreign ministers said after a meeting in Brussels.

The measures freeze the assets of those listed and ban them from travelling to the EU. Among them are two deputy defence ministers and a firm that makes drone engines.

Iran's foreign ministry has repeatedly denied sending weapons to Russia for use in Ukraine.
""",
    [
        ("EU imposes sanctions on Iran", "E04"),
        ("The European Union imposed sanctions on eight Iranian officials and four companies on Monday", "E04"),
    ],
)
copy(
    "e04-civic-copy",
    "e04-northwire",
    "Civic Bulletin",
    "2025-11-10",
    "Brussels targets Iranian drone makers in new sanctions",
)
add(
    "e04-meridian",
    "E04",
    "Meridian Post",
    "2025-11-10",
    "EU blacklists Iranian officials and firms for arming Russia",
    """
The European Union on Monday sanctioned eight Iranian officials and four firms it accuses of supplying Russia with attack drones, widening measures first taken in 2022.

Diplomats said Hungary had dropped its objections after one company was removed from the list.
""",
    [("The European Union on Monday sanctioned eight Iranian officials and four firms", "E04")],
)
add(
    "e04-capital",
    "E04",
    "Capital Ledger",
    "2025-11-11",
    "New EU sanctions target Iran's drone supply chain",
    """
BRUSSELS, Nov 11 - Sanctions that the European Union imposed on Iran on Monday are aimed at the supply chain for the Shahed drones Russia launches at Ukrainian cities, EU officials said on Tuesday.

The officials said the list included makers of engines and navigation parts.
""",
    [("Sanctions that the European Union imposed on Iran on Monday", "E04")],
)
add(
    "e04-compass-brief",
    "E04",
    "Daily Compass",
    "2025-11-10",
    "EU slaps fresh sanctions on Iran",
    """
The decision was taken by foreign ministers meeting in Brussels.
""",
    [("EU slaps fresh sanctions on Iran", "E04")],
    kind="brief",
)
add(
    "d04-atlas",
    "D04",
    "Atlas Wire",
    "2025-11-11",
    "Iran hits back with sanctions on EU officials",
    """
TEHRAN, Nov 11 (Atlas Wire) - Iran imposed sanctions on six European Union officials and three European arms makers on Tuesday in retaliation for EU measures announced a day earlier, the foreign ministry said.

The EU on Monday sanctioned eight Iranian officials over drone supplies to Russia. Iran's foreign ministry spokesman called the EU decision "illegal and based on lies".
""",
    [
        ("Iran hits back with sanctions on EU officials", "D04"),
        ("Iran imposed sanctions on six European Union officials", "D04"),
        ("The EU on Monday sanctioned eight Iranian officials", "E04"),
    ],
    kind="distractor",
)

# ------------------------------------------------------------------- E05 Poland expels Russian diplomats
add(
    "e05-atlas",
    "E05",
    "Atlas Wire",
    "2025-11-11",
    "Poland expels three Russian diplomats over sabotage plot",
    """
WARSAW, Nov 11 (Atlas Wire) - Poland expelled three Russian diplomats on Tuesday, accusing them of helping to plan arson attacks on warehouses in Warsaw and Wroclaw, Foreign Minister Radoslaw Sikorski said.

The diplomats have 72 hours to leave the country. Russia's embassy in Warsaw called the decision a provocation and said Moscow would respond.
""",
    [
        ("Poland expels three Russian diplomats", "E05"),
        ("Poland expelled three Russian diplomats on Tuesday", "E05"),
    ],
)
add(
    "e05-eastbridge",
    "E05",
    "Eastbridge News",
    "2025-11-11",
    "Warsaw expels Russian envoys, citing arson plot",
    """
Poland on Tuesday expelled three members of Russia's embassy staff, saying they had recruited people to set fire to warehouses on behalf of Russian intelligence.

Prosecutors have charged eight people over the fires, which destroyed two buildings last spring.
""",
    [
        ("Warsaw expels Russian envoys", "E05"),
        ("Poland on Tuesday expelled three members of Russia's embassy staff", "E05"),
    ],
)
add(
    "e05-frontier",
    "E05",
    "Frontier Review",
    "2025-11-12",
    "Poland's expulsion of Russian envoys deepens rift",
    """
WARSAW, Nov 12 - Poland's decision on Tuesday to expel three Russian diplomats has pushed relations between the two countries to their lowest point in decades, analysts said on Wednesday.

Warsaw closed a Russian consulate last year over a similar case.
""",
    [
        ("Poland's expulsion of Russian envoys", "E05"),
        ("Poland's decision on Tuesday to expel three Russian diplomats", "E05"),
    ],
)
add(
    "e05-globaldesk-brief",
    "E05",
    "Global Desk Radio",
    "2025-11-11",
    "Poland expels Russian diplomats",
    """
Foreign Minister Radoslaw Sikorski announced the decision in parliament.
""",
    [("Poland expels Russian diplomats", "E05")],
    kind="brief",
)
add(
    "d05-meridian",
    "D05",
    "Meridian Post",
    "2025-11-12",
    "Russia expels Polish diplomats in tit-for-tat move",
    """
MOSCOW, Nov 12 - Russia expelled three Polish diplomats on Wednesday in response to Warsaw's expulsion of Russian embassy staff a day earlier, the Russian foreign ministry said.

The ministry summoned Poland's charge d'affaires and handed him a note of protest.
""",
    [
        ("Russia expels Polish diplomats", "D05"),
        ("Russia expelled three Polish diplomats on Wednesday", "D05"),
        ("Warsaw's expulsion of Russian embassy staff a day earlier", "E05"),
    ],
    kind="distractor",
)

# ------------------------------------------------------------------- E06 Armenia-Azerbaijan border deal
add(
    "e06-northwire",
    "E06",
    "Northwire",
    "2025-11-12",
    "Armenia and Azerbaijan sign border deal in Geneva",
    """
GENEVA, Nov 12 (Northwire) - Armenia and Azerbaijan signed an agreement on Wednesday to mark out a 40-km stretch of their shared border, the first such accord since the two countries fought over Nagorno-Karabakh, officials from both sides said.

Armenian Deputy Prime Minister Mher Grigoryan and Azerbaijani Deputy Prime Minister Shahin Mustafayev signed the document at the Swiss foreign ministry's guest house.

The section runs along villages in Armenia's Tavush province and Azerbaijan's Gazakh district.

Switzerland hosted six rounds of talks on the border over the past year.
""",
    [
        ("Armenia and Azerbaijan sign border deal in Geneva", "E06"),
        ("Armenia and Azerbaijan signed an agreement on Wednesday", "E06"),
        ("Shahin Mustafayev signed the document", "E06"),
    ],
)
copy(
    "e06-harbour-copy",
    "e06-northwire",
    "Harbour Times",
    "2025-11-12",
    "Historic border accord signed by Yerevan and Baku",
    drop_last=True,
)
add(
    "e06-capital",
    "E06",
    "Capital Ledger",
    "2025-11-12",
    "Baku and Yerevan agree on first section of their border",
    """
Azerbaijan and Armenia on Wednesday signed a deal on the first section of their border, a step both governments called essential for a peace treaty.

The Azerbaijani foreign ministry said the agreement settled the status of four villages that Armenia had held since the 1990s.
""",
    [("Azerbaijan and Armenia on Wednesday signed a deal on the first section of their border", "E06")],
)
add(
    "e06-continental",
    "E06",
    "Continental Herald",
    "2025-11-13",
    "Border agreement raises hopes for an Armenia-Azerbaijan peace treaty",
    """
YEREVAN, Nov 13 - The border agreement that Armenia and Azerbaijan signed in Geneva on Wednesday could open the way to a full peace treaty by the spring, Armenian officials said on Thursday.

Some residents of the border villages said they feared losing access to their fields.
""",
    [("The border agreement that Armenia and Azerbaijan signed in Geneva on Wednesday", "E06")],
)
add(
    "e06-compass-brief",
    "E06",
    "Daily Compass",
    "2025-11-12",
    "Armenia, Azerbaijan sign border demarcation pact",
    """
The deal covers villages in the Tavush province.
""",
    [("Armenia, Azerbaijan sign border demarcation pact", "E06")],
    kind="brief",
)
add(
    "d06-frontier",
    "D06",
    "Frontier Review",
    "2025-11-13",
    "Azerbaijan and Georgia sign border crossing deal a day after Armenia accord",
    """
BAKU, Nov 13 - Azerbaijan and Georgia signed an agreement in Baku on Thursday to open two new crossing points on their border, a day after Azerbaijan signed a border deal with Armenia in Geneva.

The Georgian and Azerbaijani prime ministers signed the document after talks on trade and a planned railway link.
""",
    [
        ("Azerbaijan and Georgia sign border crossing deal", "D06"),
        ("Azerbaijan and Georgia signed an agreement in Baku on Thursday", "D06"),
        ("The Georgian and Azerbaijani prime ministers signed the document", "D06"),
        ("Azerbaijan signed a border deal with Armenia in Geneva", "E06"),
    ],
    kind="distractor",
)

# ------------------------------------------------------------------- E07 Sudan truce in El Fasher
add(
    "e07-atlas",
    "E07",
    "Atlas Wire",
    "2025-11-13",
    "Sudan's army and RSF agree three-day truce in El Fasher",
    """
PORT SUDAN, Nov 13 (Atlas Wire) - Sudan's army and the paramilitary Rapid Support Forces agreed on Thursday to a three-day humanitarian truce in the besieged city of El Fasher, Saudi and U.S. mediators said, to let aid convoys reach tens of thousands of trapped civilians.

The truce is due to start at dawn on Friday. Previous ceasefires in Sudan's war have collapsed within hours.
""",
    [
        ("Sudan's army and RSF agree three-day truce", "E07"),
        ("the paramilitary Rapid Support Forces agreed on Thursday to a three-day humanitarian truce", "E07"),
    ],
)
add(
    "e07-meridian",
    "E07",
    "Meridian Post",
    "2025-11-13",
    "Warring Sudanese sides accept El Fasher ceasefire",
    """
The Sudanese army and the Rapid Support Forces (RSF) have both accepted a 72-hour ceasefire in El Fasher, mediators from Saudi Arabia and the United States announced on Thursday.

Aid groups say people in the city have been reduced to eating animal feed after more than a year of siege.
""",
    [
        ("Warring Sudanese sides accept El Fasher ceasefire", "E07"),
        ("the Rapid Support Forces (RSF) have both accepted a 72-hour ceasefire in El Fasher", "E07"),
    ],
)
add(
    "e07-civic",
    "E07",
    "Civic Bulletin",
    "2025-11-14",
    "Aid agencies cautious as Sudan truce takes hold",
    """
Aid agencies said on Friday they were preparing convoys for El Fasher after Sudan's army and the RSF agreed on Thursday to a humanitarian truce, but warned that drivers would not move without guarantees of safe passage.

The World Food Programme said 40 trucks were waiting in Tawila, about 60 km away.
""",
    [("Sudan's army and the RSF agreed on Thursday to a humanitarian truce", "E07")],
)
add(
    "e07-eastbridge-brief",
    "E07",
    "Eastbridge News",
    "2025-11-13",
    "Sudan rivals agree to humanitarian pause in El Fasher",
    """
Mediators from Saudi Arabia and the United States announced the pause in Jeddah.
""",
    [("Sudan rivals agree to humanitarian pause in El Fasher", "E07")],
    kind="brief",
)
add(
    "d07-northwire",
    "D07",
    "Northwire",
    "2025-11-16",
    "Sudan's army and RSF agree to extend El Fasher truce by a week",
    """
PORT SUDAN, Nov 16 (Northwire) - Sudan's army and the Rapid Support Forces agreed on Sunday to extend a humanitarian truce in El Fasher by seven days, the Saudi and U.S. mediators said, as the first aid convoys in months entered the city.

The three-day truce agreed on Thursday was due to expire at dawn on Monday.
""",
    [
        ("Sudan's army and RSF agree to extend El Fasher truce", "D07"),
        ("Sudan's army and the Rapid Support Forces agreed on Sunday to extend a humanitarian truce", "D07"),
        ("The three-day truce agreed on Thursday", "E07"),
    ],
    kind="distractor",
)

# ------------------------------------------------------------------- E08 Venezuela detains opposition politician
add(
    "e08-northwire",
    "E08",
    "Northwire",
    "2025-11-14",
    "Venezuelan agents detain opposition politician in Caracas",
    """
CARACAS, Nov 14 (Northwire) - Venezuelan intelligence agents detained opposition politician Rafael Ortega Salas at his home in Caracas on Friday, his party said, weeks after he called for protests over rising food prices.

The attorney general's office said Ortega Salas was accused of conspiracy and would appear before a judge. His lawyer said he had not been allowed to see him.
""",
    [
        ("Venezuelan agents detain opposition politician in Caracas", "E08"),
        ("Venezuelan intelligence agents detained opposition politician Rafael Ortega Salas", "E08"),
    ],
)
add(
    "e08-frontier",
    "E08",
    "Frontier Review",
    "2025-11-14",
    "Venezuela arrests opposition figure Ortega Salas",
    """
Venezuelan authorities arrested the opposition politician Rafael Ortega Salas on Friday on charges of conspiracy and incitement to hatred, the attorney general's office said.

Ortega Salas, 52, is a former mayor of a Caracas district and a critic of the government's economic policy.
""",
    [
        ("Venezuela arrests opposition figure Ortega Salas", "E08"),
        ("Venezuelan authorities arrested the opposition politician Rafael Ortega Salas on Friday", "E08"),
    ],
)
add(
    "e08-capital",
    "E08",
    "Capital Ledger",
    "2025-11-15",
    "Detention of Venezuelan opposition figure draws U.S., EU criticism",
    """
CARACAS, Nov 15 - The United States and the European Union on Saturday criticised the detention on Friday of Venezuelan opposition politician Rafael Ortega Salas and called for his release.

Venezuela's government said the criticism was interference in its internal affairs.
""",
    [("the detention on Friday of Venezuelan opposition politician Rafael Ortega Salas", "E08")],
)
add(
    "e08-riverside-brief",
    "E08",
    "Riverside Gazette",
    "2025-11-14",
    "Venezuelan opposition politician detained",
    """
His party said intelligence agents took him from his home in Caracas.
""",
    [("Venezuelan opposition politician detained", "E08")],
    kind="brief",
)
add(
    "d08-atlas",
    "D08",
    "Atlas Wire",
    "2025-11-15",
    "Venezuelan agents detain second opposition figure in Maracaibo",
    """
MARACAIBO, Venezuela, Nov 15 (Atlas Wire) - Venezuelan intelligence agents detained opposition lawmaker Luisa Mendoza Vera in Maracaibo on Saturday, a day after the arrest of opposition politician Rafael Ortega Salas in Caracas, her party said.

Mendoza Vera, who represents Zulia state in the National Assembly, had organised protests against power cuts in the state. Prosecutors did not say what she was accused of.
""",
    [
        ("Venezuelan agents detain second opposition figure in Maracaibo", "D08"),
        ("Venezuelan intelligence agents detained opposition lawmaker Luisa Mendoza Vera in Maracaibo", "D08"),
        ("the arrest of opposition politician Rafael Ortega Salas in Caracas", "E08"),
    ],
    kind="distractor",
)

# ------------------------------------------------------------------- E09 Japan aid for Sudan
add(
    "e09-northwire",
    "E09",
    "Northwire",
    "2025-11-17",
    "Japan pledges $150 million in humanitarian aid for Sudan",
    """
TOKYO, Nov 17 (Northwire) - Japan pledged $150 million in humanitarian aid for Sudan on Monday, the largest single contribution it has made since war broke out in the country in April 2023, the foreign ministry said.

The money will pay for food, clean water and medical care for people displaced by the fighting, and will be spent through United Nations agencies.
""",
    [
        ("Japan pledges $150 million in humanitarian aid for Sudan", "E09"),
        ("Japan pledged $150 million in humanitarian aid for Sudan on Monday", "E09"),
    ],
)
add(
    "e09-continental",
    "E09",
    "Continental Herald",
    "2025-11-17",
    "Tokyo announces Sudan aid package",
    """
Japan will give Sudan $150 million in emergency aid, the government announced on Monday, as the U.N. warned that famine was spreading in the Darfur region.

A foreign ministry official said part of the money would go to neighbouring Chad, which hosts hundreds of thousands of Sudanese refugees.
""",
    [
        ("Tokyo announces Sudan aid package", "E09"),
        ("Japan will give Sudan $150 million in emergency aid", "E09"),
    ],
)
add(
    "e09-harbour",
    "E09",
    "Harbour Times",
    "2025-11-18",
    "Japanese money for Sudan to fund food and medicine",
    """
TOKYO, Nov 18 - The $150 million in aid that Japan pledged to Sudan on Monday will be split between the World Food Programme, UNICEF and the World Health Organization, officials said on Tuesday.

Japan has no troops or diplomats in Sudan; its embassy in Khartoum was evacuated in 2023.
""",
    [("The $150 million in aid that Japan pledged to Sudan on Monday", "E09")],
)
add(
    "e09-civic-brief",
    "E09",
    "Civic Bulletin",
    "2025-11-17",
    "Japan to give Sudan $150 mln in humanitarian aid",
    """
The money will be channelled through U.N. agencies.
""",
    [("Japan to give Sudan $150 mln in humanitarian aid", "E09")],
    kind="brief",
)

# ------------------------------------------------------------------- E10 Macron in Kyiv
add(
    "e10-northwire",
    "E10",
    "Northwire",
    "2025-11-18",
    "Macron visits Kyiv, pledges more air defence for Ukraine",
    """
KYIV, Nov 18 (Northwire) - French President Emmanuel Macron arrived in Kyiv on Tuesday on an unannounced visit and met President Volodymyr Zelensky, promising to send additional air defence systems before the winter.

Macron said France would deliver two more batteries of SAMP/T missiles by the end of the year. Zelensky thanked him and said Ukraine needed "every system our partners can spare".

The visit came after a week of heavy Russian attacks on Ukraine's power grid.
""",
    [
        ("Macron visits Kyiv", "E10"),
        (
            "Emmanuel Macron arrived in Kyiv on Tuesday on an unannounced visit and met President Volodymyr Zelensky",
            "E10",
        ),
    ],
)
copy(
    "e10-compass-copy",
    "e10-northwire",
    "Daily Compass",
    "2025-11-18",
    "French leader makes surprise trip to Ukrainian capital",
)
add(
    "e10-meridian",
    "E10",
    "Meridian Post",
    "2025-11-18",
    "Zelensky hosts Macron in Kyiv as Russian strikes on grid intensify",
    """
Ukrainian President Volodymyr Zelensky hosted French President Emmanuel Macron in Kyiv on Tuesday, and the two leaders laid flowers at a memorial to soldiers killed in the war.

Macron's office said the talks focused on air defence and on European plans to guarantee Ukraine's security after a ceasefire.
""",
    [
        ("Zelensky hosts Macron in Kyiv", "E10"),
        ("Volodymyr Zelensky hosted French President Emmanuel Macron in Kyiv on Tuesday", "E10"),
    ],
)
add(
    "e10-eastbridge",
    "E10",
    "Eastbridge News",
    "2025-11-19",
    "What France promised Ukraine during Macron's Kyiv trip",
    """
PARIS, Nov 19 - French President Emmanuel Macron's visit to Kyiv on Tuesday ended with promises of air defence missiles, money for drones and training for Ukrainian pilots, the Elysee said on Wednesday.

The French president spent about seven hours in the Ukrainian capital.
""",
    [("Emmanuel Macron's visit to Kyiv on Tuesday", "E10")],
)
add(
    "e10-atlas",
    "E10",
    "Atlas Wire",
    "2025-11-18",
    "Macron and Zelensky meet in Kyiv",
    """
KYIV, Nov 18 (Atlas Wire) - Emmanuel Macron and Volodymyr Zelensky met in Kyiv on Tuesday, the French president's third trip to Ukraine since the Russian invasion began.

The two presidents discussed deliveries of air defence systems and European security guarantees, Zelensky's office said.
""",
    [
        ("Macron and Zelensky meet in Kyiv", "E10"),
        ("Emmanuel Macron and Volodymyr Zelensky met in Kyiv on Tuesday", "E10"),
    ],
)
add(
    "e10-globaldesk-brief",
    "E10",
    "Global Desk Radio",
    "2025-11-18",
    "Macron in Kyiv for talks with Zelensky",
    """
The French president arrived by overnight train from Poland.
""",
    [("Macron in Kyiv for talks with Zelensky", "E10")],
    kind="brief",
)
add(
    "d10-capital",
    "D10",
    "Capital Ledger",
    "2025-11-19",
    "German chancellor visits Kyiv a day after Macron",
    """
KYIV, Nov 19 - German Chancellor Friedrich Merz arrived in Kyiv on Wednesday for talks with President Volodymyr Zelensky, a day after French President Emmanuel Macron visited the Ukrainian capital.

Merz said Germany would pay for air defence missiles and help rebuild damaged power plants before the winter.
""",
    [
        ("German chancellor visits Kyiv", "D10"),
        ("German Chancellor Friedrich Merz arrived in Kyiv on Wednesday", "D10"),
        ("French President Emmanuel Macron visited the Ukrainian capital", "E10"),
    ],
    kind="distractor",
)

# ------------------------------------------------------------------- E11 Israeli strike near Tyre
add(
    "e11-atlas",
    "E11",
    "Atlas Wire",
    "2025-11-19",
    "Israeli jets strike Hezbollah weapons depot near Tyre",
    """
BEIRUT, Nov 19 (Atlas Wire) - Israeli warplanes struck a building near the southern Lebanese city of Tyre on Wednesday that the Israeli military said Hezbollah used to store rockets, Lebanese state media reported. Three people were killed.

The Israeli military said it had warned residents to leave the area before the strike. Lebanon's army said it was investigating.
""",
    [
        ("Israeli jets strike Hezbollah weapons depot near Tyre", "E11"),
        ("Israeli warplanes struck a building near the southern Lebanese city of Tyre on Wednesday", "E11"),
    ],
)
copy(
    "e11-civic-copy",
    "e11-atlas",
    "Civic Bulletin",
    "2025-11-19",
    "Israel hits Lebanon's Tyre, targeting Hezbollah rockets",
)
add(
    "e11-northwire",
    "E11",
    "Northwire",
    "2025-11-19",
    "Israel bombs southern Lebanon, says it hit Hezbollah arms store",
    """
JERUSALEM, Nov 19 (Northwire) - Israel's military said it bombed a Hezbollah weapons storage site near Tyre in southern Lebanon on Wednesday, saying the group had been moving rockets into the area in breach of the ceasefire.

A military spokesman said the site was inside a residential building and that civilians had been warned in advance.
""",
    [
        ("Israel bombs southern Lebanon", "E11"),
        ("it bombed a Hezbollah weapons storage site near Tyre", "E11"),
    ],
)
add(
    "e11-frontier",
    "E11",
    "Frontier Review",
    "2025-11-19",
    "Three dead in Israeli air strike on Lebanese coastal city",
    """
An Israeli air strike hit a three-storey building on the outskirts of Tyre on Wednesday afternoon, killing three people, Lebanon's health ministry said.

Residents said the building housed a family and a car repair shop. Israel said it had targeted a Hezbollah rocket store.
""",
    [
        ("Israeli air strike on Lebanese coastal city", "E11"),
        ("An Israeli air strike hit a three-storey building on the outskirts of Tyre on Wednesday afternoon", "E11"),
    ],
)
add(
    "e11-harbour",
    "E11",
    "Harbour Times",
    "2025-11-20",
    "Lebanon complains to U.N. over Israeli strike near Tyre",
    """
BEIRUT, Nov 20 - Lebanon filed a complaint with the U.N. Security Council on Thursday over Israel's air strike near Tyre on Wednesday, which killed three people.

Lebanon's foreign minister said the strike violated the ceasefire agreed last year.
""",
    [
        ("Israeli strike near Tyre", "E11"),
        ("Israel's air strike near Tyre on Wednesday", "E11"),
    ],
)
add(
    "e11-riverside-brief",
    "E11",
    "Riverside Gazette",
    "2025-11-19",
    "Israeli air strike hits building near Tyre, Lebanese media say",
    """
Smoke could be seen from the city's port.
""",
    [("Israeli air strike hits building near Tyre", "E11")],
    kind="brief",
)
add(
    "d11-meridian",
    "D11",
    "Meridian Post",
    "2025-11-19",
    "Hezbollah fires rockets at northern Israel after Tyre strike",
    """
JERUSALEM, Nov 19 - Hezbollah fired about 20 rockets at northern Israel on Wednesday evening, hours after an Israeli air strike near Tyre killed three people, the Israeli military said. Most of the rockets were intercepted.

Sirens sounded in Kiryat Shmona and several villages along the border. There were no reports of injuries.
""",
    [
        ("Hezbollah fires rockets at northern Israel", "D11"),
        ("Tyre strike", "E11"),
        ("Hezbollah fired about 20 rockets at northern Israel on Wednesday evening", "D11"),
        ("an Israeli air strike near Tyre killed three people", "E11"),
    ],
    kind="distractor",
)

# ------------------------------------------------------------------- E12 Kaduna kidnapping
add(
    "e12-northwire",
    "E12",
    "Northwire",
    "2025-11-21",
    "Gunmen abduct 30 students from school in Nigeria's Kaduna state",
    """
KADUNA, Nigeria, Nov 21 (Northwire) - Gunmen abducted 30 students from a boarding school in Kaduna state in northwest Nigeria late on Thursday, police said on Friday.

The attackers arrived on motorcycles shortly before midnight and shot a security guard before taking the students into the forest, a police spokesman said.

Kidnappings for ransom have become common across northern Nigeria.
""",
    [
        ("Gunmen abduct 30 students from school", "E12"),
        ("Gunmen abducted 30 students from a boarding school in Kaduna state", "E12"),
        ("taking the students into the forest", "E12"),
    ],
)
copy(
    "e12-riverside-copy",
    "e12-northwire",
    "Riverside Gazette",
    "2025-11-21",
    "Nigerian students seized in night raid on boarding school",
)
add(
    "e12-atlas",
    "E12",
    "Atlas Wire",
    "2025-11-21",
    "Nigeria: armed men kidnap pupils in Kaduna school raid",
    """
LAGOS, Nov 21 (Atlas Wire) - Armed men kidnapped 30 pupils from a secondary school in Nigeria's Kaduna state on Thursday night, the state government said, the latest mass abduction in the region.

The state governor ordered all boarding schools in the area to close.
""",
    [
        ("armed men kidnap pupils in Kaduna school raid", "E12"),
        ("Armed men kidnapped 30 pupils from a secondary school in Nigeria's Kaduna state on Thursday night", "E12"),
    ],
)
add(
    "e12-continental",
    "E12",
    "Continental Herald",
    "2025-11-21",
    "Parents plead for return of kidnapped Kaduna students",
    """
Parents gathered outside a boarding school in Kaduna state on Friday, pleading for help after armed men kidnapped their children overnight.

"We have heard nothing from the people who took them," said one father, whose two sons are among the missing.
""",
    [("armed men kidnapped their children overnight", "E12")],
)
add(
    "e12-eastbridge",
    "E12",
    "Eastbridge News",
    "2025-11-22",
    "Nigerian army searches forests for abducted Kaduna students",
    """
ABUJA, Nov 22 - Nigeria's army said on Saturday it had sent troops and helicopters to search for 30 students abducted from a school in Kaduna state on Thursday night.

No group has said it carried out the kidnapping.
""",
    [("30 students abducted from a school in Kaduna state on Thursday night", "E12")],
)
add(
    "e12-compass-brief",
    "E12",
    "Daily Compass",
    "2025-11-21",
    "Thirty students kidnapped in northwest Nigeria",
    """
Police say a rescue operation is under way.
""",
    [("Thirty students kidnapped in northwest Nigeria", "E12")],
    kind="brief",
)

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def check() -> list[str]:
    errors = []
    ids = [a["id"] for a in ARTICLES]
    if len(set(ids)) != len(ids):
        errors.append("duplicate article ids")
    for a in ARTICLES:
        full = a["title"] + "\n\n" + a["text"]
        if a["story"] not in EVENTS:
            errors.append(f"{a['id']}: unknown story {a['story']}")
        if not any(m["event"] == a["story"] for m in a["mentions"]):
            errors.append(f"{a['id']}: no mention of its own story's event")
        for m in a["mentions"]:
            n = full.count(m["phrase"])
            if n != 1:
                errors.append(f"{a['id']}: phrase {m['phrase']!r} occurs {n} times")
            if m["event"] not in EVENTS:
                errors.append(f"{a['id']}: unknown event {m['event']}")
            days = [w for w in WEEKDAYS if w in m["phrase"].lower()]
            if days:
                d = dt.date.fromisoformat(EVENTS[m["event"]]["date"])
                if WEEKDAYS[d.weekday()] != days[0]:
                    errors.append(f"{a['id']}: {m['phrase']!r} names a {days[0]}, {m['event']} is a {d:%A}")
        if a["copy_of"]:
            orig = next(o for o in ARTICLES if o["id"] == a["copy_of"])
            if not orig["text"].startswith(a["text"]) or orig["title"] == a["title"]:
                errors.append(f"{a['id']}: not a retitled copy of {a['copy_of']}")
        gap = (dt.date.fromisoformat(a["date"]) - dt.date.fromisoformat(EVENTS[a["story"]]["date"])).days
        if not 0 <= gap <= 2:
            errors.append(f"{a['id']}: published {gap} days after its event")
    return errors


def main() -> None:
    errors = check()
    if errors:
        raise SystemExit("\n".join(errors))
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for a in ARTICLES:
            record = {k: a[k] for k in ("id", "title", "date", "url", "source", "text")}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    gold = {
        "about": "Gold of tests/fixtures/stories/articles.jsonl, written by tools/make_stories_corpus.py (see README.md).",
        "events": EVENTS,
        "articles": {
            a["id"]: {k: a[k] for k in ("story", "kind", "copy_of", "source", "date", "mentions")} for a in ARTICLES
        },
    }
    (OUT / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    kinds = {k: sum(a["kind"] == k for a in ARTICLES) for k in ("writeup", "brief", "copy", "distractor")}
    print(f"wrote {len(ARTICLES)} articles ({kinds}) about {len(EVENTS)} events")


if __name__ == "__main__":
    main()
