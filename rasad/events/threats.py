"""Threats stated with their condition.

A condition makes most acts no event (``اگر ... حمله کنند``), but a threat names its
condition by nature: ``در صورت تداوم این مواضع ... هشدار داد`` is a threat made, and in
someone's words a refusal promised under a condition is a threat too:
``اگر اصلاحاتی صورت نگیرد، نتیجه انتخابات را نخواهیم پذیرفت`` (THREATEN, not REJECT).

The forms of a promised refusal live in ``rasad/data/events/triggers.yaml``
(key ``conditional_threat``).
"""

from __future__ import annotations

from dataclasses import replace

from rasad.cache import LazyPattern
from rasad.events.resources import Trigger, compile_fa, compile_fa_pattern, load_yaml


class ThreatFrame:
    """Read-only after construction."""

    def __init__(self) -> None:
        d = load_yaml("triggers.yaml").get("conditional_threat") or {}
        self.refusal_rx = compile_fa(d["promised_refusal"])
        self.retype = frozenset(d.get("from_types") or ())
        self.condition_rx = LazyPattern(
            r"(?<![\w\u200c])" + compile_fa_pattern(d["condition"]) + r"(?![\w\u200c])"
        )

    def conditional(
        self,
        trig: Trigger,
        text: str,
        conditional: bool,
        in_speech: bool,
        before: str = "",
        question: bool = False,
    ) -> Trigger | None:
        """The trigger to use when the act sits under a condition: a threat stays one, a
        promised refusal in someone's words (its match ``text``; ``before``: its clause up
        to it, which may open with the condition) becomes one; None: the condition rules."""
        if question:  # (a question stays no event: آیا ... تهدید کرده است؟)
            return None
        if trig.type == "THREATEN":
            return trig if conditional else None
        if (
            trig.type in self.retype
            and in_speech
            and (conditional or self.condition_rx.search(before))
            and self.refusal_rx.search(text)
        ):
            return replace(trig, type="THREATEN", status="occurred", needs_target=False)
        return None
