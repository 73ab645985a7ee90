"""Persian normalization: the ``normalize`` stage.

Reads ``doc.raw`` from ``doc.meta["body_start"]`` and writes ``doc.text`` (one
non-empty, trimmed line per input paragraph, joined by ``\\n``), ``doc.offsets``
(raw offset of every normalized character, plus one for the end) and
``doc.sentences``.  The work is a list of named steps, each a function
``MappedText -> MappedText`` that can be switched off::

    >>> from rasad.model import Article
    >>> doc = Normalizer()(Article(raw="رئيسجمهور  گفت : آن ها مي توانند .\\n\\n/انتهای پیام/"))
    >>> doc.text == "رئیس\u200cجمهور گفت: آن\u200cها می\u200cتوانند."
    True
    >>> Normalizer(steps=["arabic_letters"])(Article(raw="كتاب")).text
    'کتاب'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rasad.model import Article
from rasad.normalize.sentences import SentenceSplitter
from rasad.normalize.steps import Step, arabic_letters, boilerplate, dedupe, digits, invisible, spacing
from rasad.normalize.textmap import MappedText
from rasad.normalize.zwnj import ZwnjRepairer

__all__ = ["Normalizer", "STEP_FACTORIES", "DEFAULT_STEPS"]


def _zwnj(_digits: str) -> Step:
    return ZwnjRepairer()


#: name → factory(digits_policy) building the step function.
STEP_FACTORIES: dict[str, Callable[[str], Step]] = {
    "arabic_letters": lambda _d: arabic_letters(),
    "digits": digits,
    "invisible": lambda _d: invisible(),
    "spacing": lambda _d: spacing(),
    "boilerplate": lambda _d: boilerplate(),
    "dedupe": lambda _d: dedupe(),
    "zwnj": _zwnj,
}
DEFAULT_STEPS: tuple[str, ...] = tuple(STEP_FACTORIES)


class Normalizer:
    """The normalize stage: named, switchable steps then sentence splitting.

    ``steps`` -- names from :meth:`available_steps` (default: all, in order);
    ``digits`` -- ``keep`` (default), ``fa`` or ``en``.  Whatever the steps, the
    layout contract holds: trimmed non-empty lines joined by one ``\\n``.
    """

    name = "normalize"

    def __init__(self, steps: Sequence[str] | None = None, digits: str = "keep") -> None:
        names = list(DEFAULT_STEPS if steps is None else steps)
        unknown = [n for n in names if n not in STEP_FACTORIES]
        if unknown:
            raise ValueError(f"unknown normalize steps {unknown}; available: {list(STEP_FACTORIES)}")
        self.step_names = names
        self.steps: list[tuple[str, Step]] = [(n, STEP_FACTORIES[n](digits)) for n in names]
        self._layout = spacing()
        self.splitter = SentenceSplitter()

    @staticmethod
    def available_steps() -> list[str]:
        return list(STEP_FACTORIES)

    def normalize(self, raw: str, base: int = 0) -> MappedText:
        """Run the steps on ``raw`` (whose first character is at raw offset ``base``)."""
        m = MappedText.of(raw, base=base)
        for _name, step in self.steps:
            m = step(m)
        if "spacing" not in self.step_names:
            m = self._layout(m)
        return m

    def __call__(self, doc: Article) -> Article:
        start = int(doc.meta.get("body_start", 0) or 0)
        m = self.normalize(doc.raw[start:], base=start)
        doc.text, doc.offsets = m.text, list(m.offsets)
        doc.sentences = self.splitter(doc.text)
        return doc
