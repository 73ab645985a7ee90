"""Threats stated with their condition.

A condition makes most acts no event (``اگر ... حمله کنند``), but a threat names its
condition by nature: ``در صورت تداوم این مواضع ... هشدار داد`` is a threat made, and in
someone's words a refusal promised under a condition is a threat too:
``اگر اصلاحاتی صورت نگیرد، نتیجه انتخابات را نخواهیم پذیرفت`` (THREATEN, not REJECT).

The forms of a promised refusal live in ``rasad/data/events/triggers.yaml``
(key ``conditional_threat``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rasad.events.resources import Trigger, compile_fa, load_yaml


class ThreatFrame:
    """Read-only after construction."""

    def __init__(self, triggers: Sequence[Trigger]) -> None:
        d = load_yaml("triggers.yaml").get("conditional_threat") or {}
        self.refusal_rx = compile_fa(d["promised_refusal"])
        self.retype = frozenset(d.get("from_types") or ())
        self.template = next((t for t in triggers if t.type == "THREATEN"), None)

    def conditional(self, trig: Trigger, text: str, conditional: bool, in_speech: bool) -> Trigger | None:
        """The trigger to use when the act sits under a condition: a threat stays one, a
        promised refusal in someone's words becomes one; None: the condition rules."""
        if not conditional:
            return None
        if trig.type == "THREATEN":
            return trig
        if trig.type in self.retype and in_speech and self.refusal_rx.search(text):
            return replace(trig, type="THREATEN", status="occurred", needs_target=False)
        return None
