"""CAMEO sector codes (what tidings writes) and their PLOVER agent-code counterparts.

tidings codes sectors in CAMEO's vocabulary (Phoenix.agents.txt). PLOVER and
NGEC, which descend from it, renamed some codes, and one name changed meaning:
CAMEO ``MED`` is *media*, PLOVER ``MED`` is *medical* (CAMEO ``HLH``); PLOVER
writes media as ``JRN``. Comparing CAMEO output with PLOVER gold code for code
would count every doctor and every journalist wrong, so the comparison goes
through this crosswalk.

The table was read off the two agent dictionaries: for each noun that both
Phoenix.agents.txt (CAMEO) and PLOVER_agents.txt (PLOVER) list, the pair of
primary codes; each row below is the majority pair (counts in brackets):
HLH->MED (60), MED->JRN (54), MUS/CHR/JEW/HIN/BUD->REL (34/26/9/10/9),
HRI->NGO (6), ENV->SOC (6 of 8), RAD->SOC, PPL->UNK (2), OPP->CVL (71 of 115).
CAMEO ``OPP`` splits in PLOVER: opposition parties, MPs and politicians become
``PTY`` (18), exiled or ousted leaders ``ELI`` (14), everyone else (protesters,
dissidents) ``CVL``; a named person coded OPP is an opposition politician.

Two PLOVER codes have no CAMEO counterpart and tidings writes them as they are:
``PRM`` (paramilitaries; Phoenix codes them MIL) and ``PRE`` (partially
recognised states: ``GEOPRE`` for Abkhazia). They pass through unchanged.
"""

from __future__ import annotations

from tidings.words import words

CAMEO_TO_PLOVER = {
    "HLH": "MED",
    "MED": "JRN",
    "MUS": "REL",
    "CHR": "REL",
    "JEW": "REL",
    "HIN": "REL",
    "BUD": "REL",
    "CTH": "REL",
    "HRI": "NGO",
    "ENV": "SOC",
    "RAD": "SOC",
    "PPL": "UNK",
    "OPP": "CVL",
    "INS": "REB",
    "SEP": "REB",
}
_PARTY_WORDS = words("actors", "party_words")
_EXILE_WORDS = words("actors", "exile_words")


def plover_sector(sector: str | None, *, kind: str = "", name: str = "") -> str | None:
    """The PLOVER agent code for a CAMEO sector (None stays None).

    ``kind`` and ``name`` (the actor's) split CAMEO ``OPP`` as PLOVER does.
    """
    if not sector:
        return sector
    if sector == "OPP":
        words = name.lower().replace("-", " ").split()
        if any(w in _EXILE_WORDS for w in words):
            return "ELI"
        if kind == "person" or any(w in _PARTY_WORDS for w in words):
            return "PTY"
    return CAMEO_TO_PLOVER.get(sector, sector)
