#!/usr/bin/env python3
"""Writes a synthetic but realistic news corpus as JSON Lines for load and scale tests.

Each document is a short wire-style report (`{"url", "outlet", "date", "title", "text"}`) in
which officials of two governments meet, call, sign, accuse, sanction, warn or praise each other,
with weekday dates relative to the publication date, a reported quote and filler sentences, so
that the whole pipeline (actors, time, quotes, events) has real work to do. Sentences are made
from our own templates; the generator is seeded, so a run is reproducible.

Usage: synth_corpus.py N_DOCS OUT.jsonl [--seed S]
"""
import argparse
import datetime as dt
import json
import random

# Country, adjective, capital, and officials with the years they held office (ours, from facts).
COUNTRIES = [
    ("China", "Chinese", "Beijing", [("President", "Xi Jinping", 2013, 2030), ("Foreign Minister", "Wang Yi", 2013, 2022),
                                      ("Premier", "Li Keqiang", 2013, 2022), ("Premier", "Li Qiang", 2023, 2030)]),
    ("Russia", "Russian", "Moscow", [("President", "Vladimir Putin", 2012, 2030), ("Foreign Minister", "Sergei Lavrov", 2004, 2030),
                                      ("Prime Minister", "Mikhail Mishustin", 2020, 2030)]),
    ("the United States", "U.S.", "Washington", [("President", "Barack Obama", 2009, 2016), ("President", "Donald Trump", 2017, 2020),
                                                  ("President", "Joe Biden", 2021, 2024), ("Secretary of State", "Antony Blinken", 2021, 2024)]),
    ("Ukraine", "Ukrainian", "Kyiv", [("President", "Volodymyr Zelenskyy", 2019, 2030), ("Foreign Minister", "Dmytro Kuleba", 2020, 2024)]),
    ("India", "Indian", "New Delhi", [("Prime Minister", "Narendra Modi", 2014, 2030)]),
    ("Japan", "Japanese", "Tokyo", [("Prime Minister", "Shinzo Abe", 2013, 2020), ("Prime Minister", "Fumio Kishida", 2021, 2024)]),
    ("Germany", "German", "Berlin", [("Chancellor", "Angela Merkel", 2013, 2021), ("Chancellor", "Olaf Scholz", 2022, 2024)]),
    ("France", "French", "Paris", [("President", "Emmanuel Macron", 2017, 2030)]),
    ("Turkey", "Turkish", "Ankara", [("President", "Recep Tayyip Erdogan", 2014, 2030)]),
    ("Iran", "Iranian", "Tehran", [("Foreign Minister", "Javad Zarif", 2013, 2021)]),
]
OUTLETS = ["Harbour Daily", "Atlas Times", "Pacific Courier", "Northern Gazette", "Capital Dispatch",
           "Continental Review", "The Meridian Post", "Baltic Ledger", "Danube Chronicle", "The Steppe Observer"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["energy cooperation", "trade", "the war in Ukraine", "regional security", "a gas pipeline",
          "grain exports", "nuclear arms control", "the Korean peninsula", "climate policy", "investment"]

EVENTS = [
    "{A} met {B} in {city} on {day} to discuss {topic}.",
    "{A} held talks with {B} on {day}, focusing on {topic}.",
    "{A} spoke with {B} by phone on {day} about {topic}.",
    "{A} and {B} signed an agreement on {topic} on {day}.",
    "{A} accused {B} of undermining {topic}.",
    "{A} criticized {B} on {day} over {topic}.",
    "{A} warned {B} against escalating tensions over {topic}.",
    "{A} praised {B} for its position on {topic}.",
    "{A} rejected a proposal from {B} on {topic} on {day}.",
    "{A} called on {B} to resume negotiations on {topic}.",
    "{A} invited {B} to visit {city} later this year.",
    "{Ac} imposed sanctions on {Bc} companies on {day}, citing {topic}.",
    "{Ac} expelled two {Badj} diplomats on {day}.",
    "{Ac} agreed to provide aid to {Bc}, officials said on {day}.",
    "{A} visited {city} on {day}, the first such trip in years.",
]
QUOTES = [
    "\"We are ready to deepen our cooperation,\" {A} said.",
    "\"This is a dangerous path,\" {A} told reporters on {day}.",
    "{A} said the two countries had \"a shared interest in stability\".",
    "According to {A}, the talks were \"frank and constructive\".",
]
FILLER = [
    "The meeting lasted about two hours, officials said.",
    "Markets reacted calmly to the news.",
    "Analysts said the move had been expected for weeks.",
    "No details of the agreement were made public.",
    "The ministry did not respond to a request for comment.",
    "Both sides described the atmosphere as businesslike.",
]


def official(rng, country, year):
    name, adj, capital, people = country
    held = [p for p in people if p[2] <= year <= p[3]]
    if not held:
        return name, name
    title, person, _, _ = rng.choice(held)
    return f"{adj} {title} {person}", person.split()[-1]


def document(rng, i):
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(10 * 365))
    a, b = rng.sample(COUNTRIES, 2)
    if rng.random() < 0.4:
        a, b = COUNTRIES[0], COUNTRIES[1]
        if rng.random() < 0.5:
            a, b = b, a
    sentences = []
    for k in range(rng.randint(6, 14)):
        if rng.random() < 0.25:
            sentences.append(rng.choice(FILLER))
            continue
        x, y = (a, b) if rng.random() < 0.6 else (b, a)
        full_a, short_a = official(rng, x, day.year)
        full_b, _ = official(rng, y, day.year)
        when = rng.choice(WEEKDAYS)
        template = rng.choice(QUOTES if rng.random() < 0.15 else EVENTS)
        s = template.format(A=full_a if k < 2 or rng.random() < 0.5 else short_a, B=full_b,
                            Ac=x[0][0].upper() + x[0][1:], Bc=y[0], Badj=y[1],
                            city=rng.choice([x[2], y[2]]), day=when, topic=rng.choice(TOPICS))
        sentences.append(s[0].upper() + s[1:])
    paragraphs = [" ".join(sentences[j:j + 2]) for j in range(0, len(sentences), 2)]
    outlet = rng.choice(OUTLETS)
    slug = f"{a[1].lower()}-{b[1].lower()}-{i}".replace(".", "").replace(" ", "-")
    return {
        "url": f"https://www.{outlet.lower().replace(' ', '')}.example/{day:%Y/%m/%d}/{slug}",
        "outlet": outlet,
        "date": day.isoformat(),
        "title": f"{a[1]} and {b[1]} officials trade positions on {rng.choice(TOPICS)}",
        "text": "\n\n".join(paragraphs),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        for i in range(args.n):
            f.write(json.dumps(document(rng, i), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
