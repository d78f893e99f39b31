#!/usr/bin/env python3
"""Build tidings/data/cameo.tsv and tidings/data/plover.json.

    python3 tools/build_cameo_table.py [--shared ../shared] [--check]

Inputs:
  * the CAMEO codebook below (codes and short names from the CAMEO manual
    1.1b3, Goldstein values from GDELT's CAMEO.goldsteinscale table), inline;
  * the CAMEO->PLOVER crosswalk  <shared>/eval/reference/cameo2plover-2021.txt
  * the PLOVER ontology          <shared>/eval/reference/plover_ontology.json
    (openeventdata/PLOVER @5e0c24f, CC BY-SA 4.0).

``--shared`` defaults to the ``shared`` folder next to the repository
(``../shared`` from the repository root).  ``--check`` rebuilds in memory and
exits 1 if the files on disk differ.  Plain python3, standard library only.
See tidings/data/README.md for what every mapping decision means.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tidings" / "data"

# --------------------------------------------------------------------------
# CAMEO 1.1b3 codebook: code | Goldstein | short name.
# Goldstein values are GDELT's CAMEO.goldsteinscale table verbatim, except
# codes marked "*": these are absent from that table (1.1b3 additions, and
# 1213/1214 which only the PLOVER crosswalk and the PETRARCH dictionaries
# use) and take the value of their parent code.
# Short names drop the manual's ", not specified below".
# --------------------------------------------------------------------------
CODEBOOK = """
01|0.0|Make public statement
010|0.0|Make statement
011|-0.1|Decline comment
012|-0.4|Make pessimistic comment
013|0.4|Make optimistic comment
014|0.0|Consider policy option
015|0.0|Acknowledge or claim responsibility
016|-2.0|Deny responsibility
017|0.0|Engage in symbolic act
018|3.4|Make empathetic comment
019|3.4|Express accord
02|3.0|Appeal
020|3.0|Make an appeal or request
021|3.4|Appeal for material cooperation
0211|3.4|Appeal for economic cooperation
0212|3.4|Appeal for military cooperation
0213|3.4|Appeal for judicial cooperation
0214|3.4|Appeal for intelligence
022|3.2|Appeal for diplomatic cooperation (such as policy support)
023|3.4|Appeal for aid
0231|3.4|Appeal for economic aid
0232|3.4|Appeal for military aid
0233|3.4|Appeal for humanitarian aid
0234|3.4|Appeal for military protection or peacekeeping
024|-0.3|Appeal for political reform
0241|-0.3|Appeal for change in leadership
0242|-0.3|Appeal for policy change
0243|-0.3|Appeal for rights
0244|-0.3|Appeal for change in institutions, regime
025|-0.3|Appeal to yield
0251|-0.3|Appeal for easing of administrative sanctions
0252|-0.3|Appeal for easing of popular dissent
0253|-0.3|Appeal for release of persons or property
0254|-0.3|Appeal for easing of economic sanctions, boycott, or embargo
0255|-0.3|Appeal for target to allow international involvement (non-mediation)
0256|-0.3|Appeal for de-escalation of military engagement
026|4.0|Appeal to others to meet or negotiate
027|4.0|Appeal to others to settle dispute
028|4.0|Appeal to others to engage in or accept mediation
03|4.0|Express intent to cooperate
030|4.0|Express intent to cooperate
031|5.2|Express intent to engage in material cooperation
0311|5.2|Express intent to cooperate economically
0312|5.2|Express intent to cooperate militarily
0313|5.2|Express intent to cooperate on judicial matters
0314|5.2|Express intent to cooperate on intelligence
032|4.5|Express intent to engage in diplomatic cooperation (such as policy support)
033|5.2|Express intent to provide material aid
0331|5.2|Express intent to provide economic aid
0332|5.2|Express intent to provide military aid
0333|5.2|Express intent to provide humanitarian aid
0334|6.0|Express intent to provide military protection or peacekeeping
034|7.0|Express intent to institute political reform
0341|7.0|Express intent to change leadership
0342|7.0|Express intent to change policy
0343|7.0|Express intent to provide rights
0344|7.0|Express intent to change institutions, regime
035|7.0|Express intent to yield
0351|7.0|Express intent to ease administrative sanctions
0352|7.0|Express intent to ease popular dissent
0353|7.0|Express intent to release persons or property
0354|7.0|Express intent to ease economic sanctions, boycott, or embargo
0355|7.0|Express intent to allow international involvement (non-mediation)
0356|7.0|Express intent to de-escalate military engagement
036|4.0|Express intent to meet or negotiate
037|5.0|Express intent to settle dispute
038|7.0|Express intent to accept mediation
039|5.0|Express intent to mediate
04|1.0|Consult
040|1.0|Consult
041|1.0|Discuss by telephone
042|1.9|Make a visit
043|2.8|Host a visit
044|2.5|Meet at a 'third' location
045|5.0|Mediate
046|7.0|Engage in negotiation
05|3.5|Engage in diplomatic cooperation
050|3.5|Engage in diplomatic cooperation
051|3.4|Praise or endorse
052|3.5|Defend verbally
053|3.8|Rally support on behalf of
054|6.0|Grant diplomatic recognition
055|7.0|Apologize
056|7.0|Forgive
057|8.0|Sign formal agreement
06|6.0|Engage in material cooperation
060|6.0|Engage in material cooperation
061|6.4|Cooperate economically
062|7.4|Cooperate militarily
063|7.4|Engage in judicial cooperation
064|7.0|Share intelligence or information
07|7.0|Provide aid
070|7.0|Provide aid
071|7.4|Provide economic aid
072|8.3|Provide military aid
073|7.4|Provide humanitarian aid
074|8.5|Provide military protection or peacekeeping
075|7.0|Grant asylum
08|5.0|Yield
080|5.0|Yield
081|5.0|Ease administrative sanctions
0811|5.0|Ease restrictions on political freedoms
0812|5.0|Ease ban on political parties or politicians
0813|5.0|Ease curfew
0814|5.0|Ease state of emergency or martial law
082|5.0|Ease political dissent
083|5.0|Accede to requests or demands for political reform
0831|5.0|Accede to demands for change in leadership
0832|5.0|Accede to demands for change in policy
0833|5.0|Accede to demands for rights
0834|5.0|Accede to demands for change in institutions, regime
084|7.0|Return, release
0841|7.0|Return, release person(s)
0842|7.0|Return, release property
085|7.0|Ease economic sanctions, boycott, embargo
086|9.0|Allow international involvement
0861|9.0|Receive deployment of peacekeepers
0862|9.0|Receive inspectors
0863|9.0|Allow delivery of humanitarian aid
087|9.0|De-escalate military engagement
0871|9.0|Declare truce, ceasefire
0872|9.0|Ease military blockade
0873|9.0|Demobilize armed forces
0874|10.0|Retreat or surrender militarily
09|-2.0|Investigate
090|-2.0|Investigate
091|-2.0|Investigate crime, corruption
092|-2.0|Investigate human rights abuses
093|-2.0|Investigate military action
094|-2.0|Investigate war crimes
10|-5.0|Demand
100|-5.0|Demand
101|-5.0|Demand material cooperation
1011|-5.0|Demand economic cooperation
1012|-5.0|Demand military cooperation
1013|-5.0|Demand judicial cooperation
1014|-5.0|Demand intelligence cooperation
102|-5.0|Demand diplomatic cooperation (such as policy support)
103|-5.0|Demand material aid
1031|-5.0|Demand economic aid
1032|-5.0|Demand military aid
1033|-5.0|Demand humanitarian aid
1034|-5.0|Demand military protection or peacekeeping
104|-5.0|Demand political reform
1041|-5.0|Demand change in leadership
1042|-5.0|Demand policy change
1043|-5.0|Demand rights
1044|-5.0|Demand change in institutions, regime
105|-5.0|Demand that target yields
1051|-5.0|Demand easing of administrative sanctions
1052|-5.0|Demand easing of popular dissent
1053|-5.0|Demand release of persons or property
1054|-5.0|Demand easing of economic sanctions, boycott, or embargo
1055|-5.0|Demand that target allows international involvement (non-mediation)
1056|-5.0|Demand de-escalation of military engagement
106|-5.0|Demand meeting, negotiation
107|-5.0|Demand settling of dispute
108|-5.0|Demand mediation
11|-2.0|Disapprove
110|-2.0|Disapprove
111|-2.0|Criticize or denounce
112|-2.0|Accuse
1121|-2.0|Accuse of crime, corruption
1122|-2.0|Accuse of human rights abuses
1123|-2.0|Accuse of aggression
1124|-2.0|Accuse of war crimes
1125|-2.0|Accuse of espionage, treason
113|-2.0|Rally opposition against
114|-2.0|Complain officially
115|-2.0|Bring lawsuit against
116|-2.0|Find guilty or liable (legally)
12|-4.0|Reject
120|-4.0|Reject
121|-4.0|Reject material cooperation
1211|-4.0|Reject economic cooperation
1212|-4.0|Reject military cooperation
1213|-4.0*|Reject judicial cooperation
1214|-4.0*|Reject intelligence cooperation
122|-4.0|Reject request or demand for material aid
1221|-4.0|Reject request for economic aid
1222|-4.0|Reject request for military aid
1223|-4.0|Reject request for humanitarian aid
1224|-4.0|Reject request for military protection or peacekeeping
123|-4.0|Reject request or demand for political reform
1231|-4.0|Reject request for change in leadership
1232|-4.0|Reject request for policy change
1233|-4.0|Reject request for rights
1234|-4.0|Reject request for change in institutions, regime
124|-4.0|Refuse to yield
1241|-4.0|Refuse to ease administrative sanctions
1242|-4.0|Refuse to ease popular dissent
1243|-4.0|Refuse to release persons or property
1244|-4.0|Refuse to ease economic sanctions, boycott, or embargo
1245|-4.0|Refuse to allow international involvement (non-mediation)
1246|-4.0|Refuse to de-escalate military engagement
125|-5.0|Reject proposal to meet, discuss, or negotiate
126|-5.0|Reject mediation
127|-5.0|Reject plan, agreement to settle dispute
128|-5.0|Defy norms, law
129|-5.0|Veto
13|-6.0|Threaten
130|-4.4|Threaten
131|-5.8|Threaten non-force
1311|-5.8|Threaten to reduce or stop aid
1312|-5.8|Threaten to boycott, embargo, or sanction
1313|-5.8|Threaten to reduce or break relations
132|-5.8|Threaten with administrative sanctions
1321|-5.8|Threaten to impose restrictions on political freedoms
1322|-5.8|Threaten to ban political parties or politicians
1323|-5.8|Threaten to impose curfew
1324|-5.8|Threaten to impose state of emergency or martial law
133|-5.8|Threaten with political dissent, protest
134|-5.8|Threaten to halt negotiations
135|-5.8|Threaten to halt mediation
136|-7.0|Threaten to halt international involvement (non-mediation)
137|-7.0|Threaten with violent repression
138|-7.0|Threaten to use military force
1381|-7.0|Threaten blockade
1382|-7.0|Threaten occupation
1383|-7.0|Threaten unconventional violence
1384|-7.0|Threaten conventional attack
1385|-7.0|Threaten attack with WMD
139|-7.0|Give ultimatum
14|-6.5|Protest
140|-6.5|Engage in political dissent
141|-6.5|Demonstrate or rally
1411|-6.5|Demonstrate for leadership change
1412|-6.5|Demonstrate for policy change
1413|-6.5|Demonstrate for rights
1414|-6.5|Demonstrate for change in institutions, regime
142|-6.5|Conduct hunger strike
1421|-6.5|Conduct hunger strike for leadership change
1422|-6.5|Conduct hunger strike for policy change
1423|-6.5|Conduct hunger strike for rights
1424|-6.5|Conduct hunger strike for change in institutions, regime
143|-6.5|Conduct strike or boycott
1431|-6.5|Conduct strike or boycott for leadership change
1432|-6.5|Conduct strike or boycott for policy change
1433|-6.5|Conduct strike or boycott for rights
1434|-6.5|Conduct strike or boycott for change in institutions, regime
144|-7.5|Obstruct passage, block
1441|-7.5|Obstruct passage to demand leadership change
1442|-7.5|Obstruct passage to demand policy change
1443|-7.5|Obstruct passage to demand rights
1444|-7.5|Obstruct passage to demand change in institutions, regime
145|-7.5|Protest violently, riot
1451|-7.5|Engage in violent protest for leadership change
1452|-7.5|Engage in violent protest for policy change
1453|-7.5|Engage in violent protest for rights
1454|-7.5|Engage in violent protest for change in institutions, regime
15|-7.2|Exhibit force posture
150|-7.2|Demonstrate military or police power
151|-7.2|Increase police alert status
152|-7.2|Increase military alert status
153|-7.2|Mobilize or increase police power
154|-7.2|Mobilize or increase armed forces
155|-7.2*|Mobilize or increase cyber-forces
16|-4.0|Reduce relations
160|-4.0|Reduce relations
161|-4.0|Reduce or break diplomatic relations
162|-5.6|Reduce or stop material aid
1621|-5.6|Reduce or stop economic assistance
1622|-5.6|Reduce or stop military assistance
1623|-5.6|Reduce or stop humanitarian assistance
163|-8.0|Impose embargo, boycott, or sanctions
164|-7.0|Halt negotiations
165|-6.5|Halt mediation
166|-7.0|Expel or withdraw
1661|-7.0|Expel or withdraw peacekeepers
1662|-7.0|Expel or withdraw inspectors, observers
1663|-7.0|Expel or withdraw aid agencies
17|-7.0|Coerce
170|-7.0|Coerce
171|-9.2|Seize or damage property
1711|-9.2|Confiscate property
1712|-9.2|Destroy property
172|-5.0|Impose administrative sanctions
1721|-5.0|Impose restrictions on political freedoms
1722|-5.0|Ban political parties or politicians
1723|-5.0|Impose curfew
1724|-5.0|Impose state of emergency or martial law
173|-5.0|Arrest, detain, or charge with legal action
174|-5.0|Expel or deport individuals
175|-9.0|Use tactics of violent repression
176|-7.0*|Attack cybernetically
18|-9.0|Assault
180|-9.0|Use unconventional violence
181|-9.0|Abduct, hijack, or take hostage
182|-9.5|Physically assault
1821|-9.0|Sexually assault
1822|-9.0|Torture
1823|-10.0|Kill by physical assault
183|-10.0|Conduct suicide, car, or other non-military bombing
1831|-10.0|Carry out suicide bombing
1832|-10.0|Carry out car bombing
1833|-10.0|Carry out roadside bombing
1834|-10.0*|Carry out location bombing
184|-8.0|Use as human shield
185|-8.0|Attempt to assassinate
186|-10.0|Assassinate
19|-10.0|Fight
190|-10.0|Use conventional military force
191|-9.5|Impose blockade, restrict movement
192|-9.5|Occupy territory
193|-10.0|Fight with small arms and light weapons
194|-10.0|Fight with artillery and tanks
195|-10.0|Employ aerial weapons
1951|-10.0*|Employ precision-guided aerial munitions
1952|-10.0*|Employ remotely piloted aerial munitions
196|-9.5|Violate ceasefire
20|-10.0|Use unconventional mass violence
200|-10.0|Use unconventional mass violence
201|-9.5|Engage in mass expulsion
202|-10.0|Engage in mass killings
203|-10.0|Engage in ethnic cleansing
204|-10.0|Use weapons of mass destruction
2041|-10.0|Use chemical, biological, or radiological weapons
2042|-10.0|Detonate nuclear weapons
"""

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# Labels of older PLOVER drafts -> (current type, mode to use when none given).
LEGACY_LABELS = {
    "DEMAND": ("REQUEST", ""),
    "DISAPPROVE": ("ACCUSE", ""),
    "FIGHT": ("ASSAULT", ""),
    "INVESTIGATE": ("ACCUSE", "investigate"),
}

# Crosswalk modes that are not modes of that type in the PLOVER ontology
# (older draft vocabulary, or a context written in the mode column).
# (type, crosswalk mode) -> (mode, extra context or "").
MODE_FIXES = {
    ("RETREAT", "return"): ("release", ""),  # 0842 return property
    # 085; the crosswalk itself notes that "ease" is no longer a mode
    ("RETREAT", "ease"): ("", ""),
    ("THREATEN", "ban"): ("restrict", ""),  # 1322
    ("THREATEN", "political"): ("restrict", ""),  # 1321
    ("COERCE", "ban"): ("restrict", ""),  # 1722; ontology's restrict covers bans
    ("ASSAULT", "seize"): ("destroy", ""),  # 1712 destroy property
    ("ASSAULT", "assassinate"): ("targeted", ""),  # 185, 186
    ("ASSAULT", "massacre"): ("targeted", ""),  # 200, 202
    ("ASSAULT", "cleansing"): ("", ""),  # 201, 203: no equivalent mode
    ("ASSAULT", "pro_autocracy"): ("", "pro_autocracy"),  # 175: a context
}

# Crosswalk contexts that the PLOVER ontology lists under another name.
CONTEXT_FIXES = {"democracy": "pro_democracy", "humanitarian": "human_security"}

# Codes the crosswalk lacks and that are not well served by their parent,
# or where the crosswalk contradicts the ontology: code -> (type, mode, context).
OVERRIDES = {
    # CAMEO 01 MAKE PUBLIC STATEMENT has no PLOVER counterpart (PLOVER does
    # not code bare statements); each code takes the nearest PLOVER type.
    "01": ("SUPPORT", "", ""),
    "010": ("SUPPORT", "", ""),
    "011": ("REJECT", "", ""),  # decline comment: a refusal
    "012": ("ACCUSE", "disapprove", ""),  # pessimistic comment
    "013": ("SUPPORT", "", ""),  # optimistic comment
    "014": ("AGREE", "", ""),  # consider policy option: tentative intent
    "015": ("CONCEDE", "", ""),  # acknowledge or claim responsibility
    "016": ("REJECT", "", ""),  # deny responsibility
    "017": ("SUPPORT", "", ""),  # symbolic act
    "018": ("SUPPORT", "", ""),  # empathetic comment
    "019": ("AGREE", "", ""),  # express accord
    # 1.1b3 codes the 2021 crosswalk predates.
    "155": ("MOBILIZE", "weapons", "cyber"),
    "176": ("COERCE", "cyber", "cyber"),
    "1834": ("ASSAULT", "explosives", ""),
    "195": ("ASSAULT", "aerial", "military"),  # crosswalk: heavy-weapons
    # crosswalk: COERCE/restrict; the ontology codes international
    # sanctions as SANCTION/discontinue (and the PLOVER GSR agrees).
    "163": ("SANCTION", "discontinue", "economic"),
    "1951": ("ASSAULT", "aerial", "military"),
    "1952": ("ASSAULT", "drone", "military"),
}

# CAMEO 02 APPEAL parallels 10 DEMAND code for code (021<->101, 0254<->1054,
# 026<->106 ...); PLOVER folds both into REQUEST, so 02x copies its 10x twin.
APPEAL_TWIN = {"02": "10"}

QUAD_BY_ROOT = {r: 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 for r in range(1, 21)}
QUAD_NAMES = {
    "VERBAL COOPERATION": 1,
    "MATERIAL COOPERATION": 2,
    "VERBAL CONFLICT": 3,
    "MATERIAL CONFLICT": 4,
}
CROSSWALK_SOURCE = "openeventdata/PLOVER @5e0c24f cameo2plover-2021.txt (CC BY-SA 4.0)"


def parse_codebook() -> list[tuple[str, float, bool, str]]:
    rows = []
    for line in CODEBOOK.strip().splitlines():
        code, gold, name = line.split("|")
        derived = gold.endswith("*")
        rows.append((code, float(gold.rstrip("*")), derived, name))
    return rows


def parse_crosswalk(path: Path) -> dict[str, tuple[str, str, str]]:
    """``code: TYPE, mode, context # name`` -> {code: (TYPE, mode, context)}.

    A code listed twice keeps its first entry (the crosswalk lists root 08
    under CONCEDE and again under RETREAT; 080 is CONCEDE).
    """
    out: dict[str, tuple[str, str, str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        fields = [f.strip() for f in rest.split(",")] + ["", ""]
        label, mode, context = fields[0].upper(), fields[1], fields[2]
        if code not in out:
            out[code] = (label, mode, context)
    return out


def normalise(
    label: str,
    mode: str,
    context: str,
    modes_of: dict[str, list[str]],
    contexts: list[str],
) -> tuple[str, str, str]:
    if label in LEGACY_LABELS:
        label, default_mode = LEGACY_LABELS[label]
        mode = mode or default_mode
    if label not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER label {label!r}")
    ctxs = [CONTEXT_FIXES.get(c.strip(), c.strip()) for c in context.split(";") if c.strip()]
    if mode and mode not in modes_of[label]:
        if (label, mode) not in MODE_FIXES:
            raise ValueError(f"{label} has no mode {mode!r}; add it to MODE_FIXES")
        mode, extra = MODE_FIXES[(label, mode)]
        if extra:
            ctxs.insert(0, extra)
    for c in ctxs:
        if c not in contexts:
            raise ValueError(f"unknown PLOVER context {c!r}; add it to CONTEXT_FIXES")
    return label, mode, ";".join(dict.fromkeys(ctxs))


def build_plover(ontology: dict) -> dict:
    types = {}
    for name in PLOVER_TYPES:
        t = ontology["event_types"][name]
        types[name] = {
            "quad_class": QUAD_NAMES[t["quad"]],
            "requires_recipient": t["requires_recipient"].strip().lower() == "yes",
            "modes": [m["mode"] for m in t["modes"]],
        }
    return {
        "source": "openeventdata/PLOVER PLOVER_MANUAL.tex @5e0c24f (2024-02-04); "
        "converted by tools/build_cameo_table.py",
        "licence": "CC BY-SA 4.0",
        "event_types": types,
        "contexts": list(ontology["contexts"]),
        "auxiliary_modes": list(ontology.get("auxiliary_modes", [])),
        "legacy_labels": {k: {"type": v[0], "mode": v[1]} for k, v in LEGACY_LABELS.items()},
    }


def build_cameo(crosswalk: dict, plover: dict) -> str:
    modes_of = {t: v["modes"] for t, v in plover["event_types"].items()}
    contexts = plover["contexts"]
    rows = parse_codebook()
    codes = {r[0] for r in rows}

    def lookup(code: str) -> tuple[str, str, str] | None:
        if code in OVERRIDES:
            return OVERRIDES[code]
        twin = APPEAL_TWIN.get(code[:2])
        if twin:
            return lookup(twin + code[2:]) if twin + code[2:] in codes else None
        return crosswalk.get(code)

    lines = ["code\tname\tgoldstein\tquad_class\tplover\tplover_mode\tplover_context"]
    for code, gold, _derived, name in rows:
        # inherit: 4-digit -> 3-digit -> root ("X0" code for the root itself)
        chain = {
            2: [code, code + "0"],
            3: [code, code[:2]],
            4: [code, code[:3], code[:2]],
        }[len(code)]
        hit = next((m for c in chain if (m := lookup(c)) is not None), None)
        if hit is None:
            raise ValueError(f"no PLOVER mapping for {code}")
        label, mode, context = normalise(*hit, modes_of, contexts)
        quad = QUAD_BY_ROOT[int(code[:2])]
        lines.append(f"{code}\t{name}\t{gold:.1f}\t{quad}\t{label}\t{mode}\t{context}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--check", action="store_true", help="exit 1 if the files on disk are stale")
    args = ap.parse_args(argv)
    ref = args.shared / "eval" / "reference"
    ontology = json.loads((ref / "plover_ontology.json").read_text(encoding="utf-8"))
    plover = build_plover(ontology)
    crosswalk = parse_crosswalk(ref / "cameo2plover-2021.txt")
    outputs = {
        DATA / "plover.json": json.dumps(plover, indent=2, ensure_ascii=False) + "\n",
        DATA / "cameo.tsv": build_cameo(crosswalk, plover),
    }
    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"stale: {p.relative_to(REPO)}", file=sys.stderr)
        return 1 if stale else 0
    DATA.mkdir(parents=True, exist_ok=True)
    for p, text in outputs.items():
        p.write_text(text, encoding="utf-8")
        print(f"wrote {p.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
