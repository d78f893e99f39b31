"""Actor set: NGEC's actor-resolution cases, scored on the country and sector of the actor tidings resolves."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from tidings.actors import plover_sector
from tidings.eval.align import fold
from tidings.eval.datasets import NgecActorItem, load_ngec_actors
from tidings.eval.harness import EvalSet, Result, Scores, Tally
from tidings.eval.scoring import clip, loose_date, ratio
from tidings.eval.sets.countries import ngec_country
from tidings.model import Actor, Article, Context

#: NGEC's tests say "today" for the day they were written; pinned so that a
#: score does not change with the calendar. 2022-10-20 is the latest explicit
#: date in the cases.
NGEC_TODAY = "2022-10-20"


def _ngec_date(value: str | None) -> str | None:
    if not value:
        return None
    if value.strip().lower() == "today":
        return NGEC_TODAY
    return loose_date(value)


def ngec_text(item: NgecActorItem) -> str:
    """The text to process for a case: its context when that contains the actor text, else both.

    NGEC's contexts are mostly hints ("Mexico", "Colombian defense") rather
    than sentences holding the actor, so such a hint is appended in brackets
    ("The PAN (Mexico)") for the resolver to use as a country clue.
    """
    if not item.context:
        return item.text
    if item.text.lower() in item.context.lower():
        return item.context
    return f"{item.text} ({item.context})"


def _find_actor(article: Article, needle: str) -> tuple[Actor | None, str]:
    """The actor standing for ``needle`` in the article, and how it was found.

    First the actor with a mention overlapping the first case-insensitive
    occurrence of ``needle`` (most overlap wins); failing that the actor whose
    name or mention text is most like ``needle`` (ratio at least 0.5).
    """
    hay = article.text.lower()
    at = hay.find(fold(needle).lower().strip())
    if at >= 0:
        end = at + len(needle.strip())
        best: tuple[int, Actor] | None = None
        for actor in article.actors:
            for mention in actor.mentions:
                ov = min(end, mention.end) - max(at, mention.start)
                if ov > 0 and (best is None or ov > best[0]):
                    best = (ov, actor)
        if best is not None:
            return best[1], "overlap"
    target = needle.lower().strip()
    scored = [
        (difflib.SequenceMatcher(None, target, t.lower()).ratio(), actor)
        for actor in article.actors
        for t in [actor.name, *(m.text for m in actor.mentions)]
    ]
    if scored:
        ratio_, actor = max(scored, key=lambda s: s[0])
        if ratio_ >= 0.5:
            return actor, "similar text"
    return None, "none"


@dataclass
class _NgecTally(Tally):
    hits: dict[str, list[bool]] = field(default_factory=lambda: {"country": [], "code_1": []})
    found: int = 0


def _score_ngec(t: _NgecTally, item: NgecActorItem, res: Result, ctx: Context | None) -> None:
    if isinstance(res, Article):
        actor, how = _find_actor(res, item.text)
    else:
        actor, how = None, "failure"
    t.found += actor is not None
    # NGEC's code_1 is a PLOVER agent code; tidings writes CAMEO sectors (tidings/actors/sectors.py).
    sector = plover_sector(actor.sector, kind=actor.kind, name=actor.name) if actor else None
    got = {"country": ngec_country(actor), "code_1": sector}
    bad: list[str] = []
    for key in t.hits:
        ok = item.check(key, got[key])
        if ok is None:
            continue
        t.hits[key].append(ok)
        if not ok:
            bad.append(key)
    if bad:
        t.errors.append(
            {
                "id": item.name,
                "kind": "wrong " + "+".join("sector" if b == "code_1" else b for b in bad),
                "expected": {k: item.expected.get(k) for k in t.hits},
                "got": {
                    **got,
                    "actor": actor.name if actor else None,
                    "code": actor.code if actor else None,
                    "found_by": how,
                },
                "text": f"{item.text} || {clip(item.context)}" if item.context else item.text,
                "xfail": item.xfail,
            }
        )


def _finish_ngec(t: _NgecTally, n_items: int) -> Scores:
    return Scores(
        {
            "country_accuracy": ratio(sum(t.hits["country"]), len(t.hits["country"])),
            "sector_accuracy": ratio(sum(t.hits["code_1"]), len(t.hits["code_1"])),
            "actor_found_rate": ratio(t.found, n_items),
            "n_country_cases": float(len(t.hits["country"])),
            "n_sector_cases": float(len(t.hits["code_1"])),
        }
    )


NGEC_ACTORS = EvalSet[NgecActorItem, _NgecTally](
    name="ngec-actors",
    doc=f"""Country and sector (NGEC ``code_1``) of the actor tidings resolves for each case's text.

    The text processed is given by :func:`ngec_text`; the case's date is the publication date ("today" =
    {NGEC_TODAY}). IGO actors count as country ``"IGO"``, NGEC's
    spelling, except UN and EU bodies, which NGEC's country table calls ``UNO`` and ``EUR``.
    Cases are scored with the loader's :meth:`NgecActorItem.check`,
    so ``""`` (expects none) and constraint cases are honoured; a case with no
    actor found is scored with ``None`` predicted.
    """,
    load=load_ngec_actors,
    headline=("country_accuracy", "sector_accuracy"),
    notes=(
        f"date 'today' pinned to {NGEC_TODAY}; IGO actors compared as 'IGO', UN and EU bodies as NGEC's "
        "'UNO' and 'EUR' (ngec_countries.csv); sector = NGEC code_1",
        "CAMEO sectors are compared through the CAMEO->PLOVER crosswalk (MED=media -> JRN, HLH -> MED, ...)",
        "a context not containing the actor text is processed as 'TEXT (CONTEXT)'",
        "xfail cases (NGEC's own known failures) are included",
    ),
    tally=lambda pipe: _NgecTally(),
    score=_score_ngec,
    finish=_finish_ngec,
    article=lambda it: Article(raw=ngec_text(it), published=_ngec_date(it.date)),
    item_id=lambda it: it.name,
)
