"""Test-only pipelines for the worker pool (tests/test_workers.py): a stage that crashes on chosen ids.

The crash plan travels inside the pipeline factory (a picklable ``partial``), so
nothing in real input, the settings or the environment can set it off: the
stage exists only in this test module, which a worker imports when it unpickles
the factory.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Mapping
from typing import Any

from tidings.model import Article, Context
from tidings.pipeline import Pipeline, stage


class CrashOn:
    """Does nothing, except on an article whose id is in the plan: ``exit``, ``kill`` or ``raise``."""

    name = "crash_test"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ()

    def __init__(self, plan: Mapping[str, str]) -> None:
        self.plan = dict(plan)

    def __call__(self, article: Article, ctx: Context) -> Article:
        how = self.plan.get(article.id)
        if how == "exit":
            os._exit(3)
        if how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if how == "raise":
            raise RuntimeError(f"planned failure on {article.id}")  # not one the pipeline's guard knows
        if how == "value":
            raise ValueError(f"planned bug on {article.id}")
        return article


@stage("crash_test")
def _crash_test(config: Mapping[str, Any]) -> CrashOn:
    return CrashOn(config.get("plan", {}))


def crashing_pipeline(plan: Mapping[str, str], stages: tuple[str, ...] = ("clean",)) -> Pipeline:
    """``stages`` then the crash stage, with ``plan`` (article id -> how to fail)."""
    pipe = Pipeline(stages=stages)
    pipe.stages.append(CrashOn(plan))
    return pipe
