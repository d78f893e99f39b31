"""Generate a synthetic news corpus for throughput benchmarks (project-written, deterministic).

Every sentence comes from the templates below, filled with varied actors,
places, verbs and dates, so the corpus exercises every stage (datelines,
quotes, relative dates, events between countries, officials and groups)
without using a line of anyone's news text. The same ``--n`` and ``--seed``
always give the same articles, so throughput figures are comparable run to run.

Example:

    python benchmarks/make_corpus.py --n 200 --out /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = [
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("India", "Indian", "New Delhi"),
    ("Japan", "Japanese", "Tokyo"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Turkey", "Turkish", "Ankara"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Poland", "Polish", "Warsaw"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Canada", "Canadian", "Ottawa"),
    ("Argentina", "Argentine", "Buenos Aires"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Spain", "Spanish", "Madrid"),
    ("Chile", "Chilean", "Santiago"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Vietnam", "Vietnamese", "Hanoi"),
]
CITIES = {
    "France": ["Lyon", "Marseille", "Toulouse"],
    "Germany": ["Hamburg", "Munich", "Leipzig"],
    "Kenya": ["Mombasa", "Kisumu", "Nakuru"],
    "Brazil": ["Sao Paulo", "Recife", "Salvador"],
    "India": ["Mumbai", "Chennai", "Kolkata"],
    "Japan": ["Osaka", "Nagoya", "Sapporo"],
    "Nigeria": ["Lagos", "Kano", "Ibadan"],
    "Turkey": ["Istanbul", "Izmir", "Bursa"],
    "Mexico": ["Guadalajara", "Monterrey", "Puebla"],
    "Poland": ["Krakow", "Gdansk", "Wroclaw"],
    "Egypt": ["Alexandria", "Giza", "Luxor"],
    "Indonesia": ["Surabaya", "Bandung", "Medan"],
    "Canada": ["Toronto", "Montreal", "Calgary"],
    "Argentina": ["Cordoba", "Rosario", "Mendoza"],
    "Ukraine": ["Kharkiv", "Lviv", "Odesa"],
    "Pakistan": ["Karachi", "Lahore", "Peshawar"],
    "Spain": ["Barcelona", "Valencia", "Seville"],
    "Chile": ["Valparaiso", "Concepcion", "Antofagasta"],
    "Ethiopia": ["Gondar", "Mekele", "Dire Dawa"],
    "Vietnam": ["Da Nang", "Hue", "Haiphong"],
}
FIRST = ["Amara", "Jonas", "Lucia", "Tomasz", "Keiko", "Rafael", "Nadia", "Omar", "Ingrid", "Tariq", "Elena", "Kofi"]
LAST = ["Varga", "Okafor", "Lindqvist", "Mendes", "Haddad", "Novak", "Sato", "Brennan", "Castell", "Mwangi", "Roux"]
OFFICES = ["Prime Minister", "Foreign Minister", "Interior Minister", "President", "Defence Minister"]
OFFICES += ["opposition leader"]
GROUPS = ["protesters", "striking workers", "farmers", "students", "rebels", "police officers", "soldiers", "activists"]
ORGS = ["the United Nations", "the European Union", "the African Union", "NATO", "the World Bank", "the Red Cross"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Event sentences by kind: {a} and {b} are actors, {place} a city, {when} a date phrase.
EVENT_TEMPLATES = [
    "{a} accused {b} of violating the ceasefire near {place} {when}.",
    "{a} signed a trade agreement with {b} in {place} {when}.",
    "{a} condemned {b} for the arrest of journalists {when}.",
    "Police detained dozens of {group} in {place} {when}.",
    "{a} imposed new sanctions on {b} {when}, citing human rights abuses.",
    "{a} met {b} in {place} {when} to discuss border security.",
    "{a} threatened to expel diplomats from {b} if the talks failed.",
    "Hundreds of {group} marched through {place} {when}, demanding higher wages.",
    "{a} pledged emergency aid to {b} after floods hit {place}.",
    "{a} rejected a proposal from {b} to reopen the port of {place}.",
    "Security forces fired tear gas at {group} in {place} {when}.",
    "{a} called on {b} to release the detained aid workers {when}.",
    "{a} praised {b} for its role in the peace talks held in {place}.",
    "Gunmen attacked a convoy near {place} {when}, killing four people.",
    "{a} agreed to resume negotiations with {b} next month.",
    "{a} recalled its ambassador from {b} {when}.",
    "{a} announced military exercises close to the border with {b}.",
    "{a} investigated claims that {b} had funded armed groups near {place}.",
]
QUOTE_TEMPLATES = [
    '"We will not accept any threat to our sovereignty," {speaker} said {when}.',
    '"This agreement opens a new chapter for both our peoples," said {speaker}.',
    '{speaker} told reporters in {place} that the government "will respond firmly" to any attack.',
    '"The people of {place} deserve answers," {speaker} said in a statement.',
    '"We are ready to talk, but not under pressure," {speaker} added.',
]
FILLER_TEMPLATES = [
    "The talks in {place} are expected to continue for several days.",
    "Analysts said the dispute could weigh on regional trade for months.",
    "Officials gave no details of the casualties, and independent confirmation was not possible.",
    "The ministry said a further statement would follow {when}.",
    "Local media reported long queues at petrol stations across {place}.",
    "Markets in {place} fell sharply after the announcement.",
    "The two countries have disputed the border region for decades.",
    "Observers from {org} are due to arrive in {place} next week.",
    "Schools and shops in the city centre remained closed.",
    "Residents described hearing explosions late into the night.",
]


def _date_phrase(rng: random.Random, published: date) -> str:
    kind = rng.random()
    if kind < 0.4:
        return "on " + WEEKDAYS[(published - timedelta(days=rng.randint(1, 6))).weekday()]
    if kind < 0.7:
        d = published - timedelta(days=rng.randint(1, 20))
        return f"on {d.strftime('%B')} {d.day}"
    return rng.choice(["last week", "earlier this month", "on Wednesday night", "yesterday", "this morning"])


def _person(rng: random.Random, demonym: str) -> str:
    return f"{demonym} {rng.choice(OFFICES)} {rng.choice(FIRST)} {rng.choice(LAST)}"


def _actor(rng: random.Random, country: tuple[str, str, str]) -> str:
    name, demonym, capital = country
    r = rng.random()
    if r < 0.35:
        return name
    if r < 0.55:
        return f"the {demonym} government"
    if r < 0.75:
        return _person(rng, demonym)
    if r < 0.85:
        return capital
    return rng.choice(ORGS)


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def make_article(rng: random.Random, index: int, words: int = 600) -> dict[str, str]:
    """One article of about ``words`` words: title, dateline lede, paragraphs of 2-4 sentences."""
    home, other = rng.sample(COUNTRIES, 2)
    published = date(2021, 1, 1) + timedelta(days=rng.randint(0, 1000))
    city = rng.choice([home[2], *CITIES[home[0]]])

    def fill(template: str) -> str:
        country = rng.choice([home, other])
        return template.format(
            a=_actor(rng, home if country is other else other),
            b=_actor(rng, country),
            place=rng.choice([home[2], *CITIES[home[0]], *CITIES[other[0]]]),
            when=_date_phrase(rng, published),
            group=rng.choice(GROUPS),
            speaker=_person(rng, rng.choice([home, other])[1]),
            org=rng.choice(ORGS),
        )

    lede = f"{city.upper()}, {published.strftime('%b')}. {published.day} - " + _cap(fill(rng.choice(EVENT_TEMPLATES)))
    paragraphs = [lede]
    count = len(lede.split())
    while count < words:
        para: list[str] = []
        for _ in range(rng.randint(2, 4)):
            pick = rng.random()
            pool = EVENT_TEMPLATES if pick < 0.45 else QUOTE_TEMPLATES if pick < 0.7 else FILLER_TEMPLATES
            para.append(_cap(fill(rng.choice(pool))))
        text = " ".join(para)
        paragraphs.append(text)
        count += len(text.split())
    title = f"{home[0]} and {other[0]} at odds over {rng.choice(['border', 'trade', 'aid', 'sanctions', 'talks'])}"
    return {
        "id": f"synthetic-{index:04d}",
        "title": title,
        "date": published.isoformat(),
        "text": title + "\n\n" + "\n\n".join(paragraphs) + "\n",
    }


def make_corpus(n: int = 200, seed: int = 4, words: int = 600) -> list[dict[str, str]]:
    """``n`` articles of about ``words`` words; the same arguments always give the same corpus."""
    rng = random.Random(seed)
    return [make_article(rng, i, words) for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="number of articles (default 200)")
    parser.add_argument("--seed", type=int, default=4, help="random seed (default 4)")
    parser.add_argument("--words", type=int, default=600, help="about this many words per article (default 600)")
    parser.add_argument("--out", type=Path, help="JSONL file to write (default: stdout)")
    args = parser.parse_args(argv)
    lines = [json.dumps(a, ensure_ascii=False) for a in make_corpus(args.n, args.seed, args.words)]
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
