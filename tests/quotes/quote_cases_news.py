"""Constructions of Persian news in general (issue 11), written for these tests.

Same format as ``quote_cases.py``: ``(id, text, expected)`` with ``expected`` a list of
``(speaker, kind, fragment[, cue])``; ``+`` stands for ZWNJ and ``\\n`` separates lines (news
sites print one sentence per line).  Cue constructions, sources as speakers, nested
statements, titles standing for a named person, and direct speech over several lines.
"""

from __future__ import annotations

from quote_cases import LAV, PEOPLE, PES, PUT, TRU, ZAK, Case

FP = "Foreign Policy"
REZ = "Mohammad Rezaei"
ANON = "anonymous:"  # the scorer treats every anonymous speaker as one

NEWS_PEOPLE: dict[str, tuple[str, str]] = {
    **PEOPLE,
    "فارن پالیسی": (FP, "ORG"),
    "محمد رضایی": (REZ, "PER"),
    "رضایی": (REZ, "PER"),
}

NEWS_CASES: list[Case] = [
    # --- cue constructions (rasad/data/lexicons/reporting.yaml) ---------------------------
    (
        "belief-motaghed",
        "لاوروف معتقد است که مذاکرات به نتیجه می+رسد.",
        [(LAV, "indirect", "مذاکرات به نتیجه می+رسد", "معتقد است")],
    ),
    (
        "belief-bar-in-bavar",
        "برخی کارشناسان بر این باورند که تحریم+ها اثری ندارد.",
        [("anonymous:some experts", "indirect", "تحریم+ها اثری ندارد", "بر این باورند")],
    ),
    (
        "belief-bare-quantity",
        "عده+ای معتقدند دولت باید زودتر تصمیم بگیرد.",
        [("anonymous:some people", "indirect", "دولت باید زودتر تصمیم بگیرد")],
    ),
    (
        "claim-modai-ast",
        "زاخارووا مدعی است غرب در این ماجرا دست داشته است.",
        [(ZAK, "indirect", "غرب در این ماجرا دست داشته است", "مدعی است")],
    ),
    (
        "split-khahan-shod",
        "پسکوف روز جمعه خواهان پایان فوری درگیری+ها شد.",
        [(PES, "indirect", "پایان فوری درگیری+ها", "خواهان ... شد")],
    ),
    (
        "request-ta",
        "لاوروف از جامعه جهانی درخواست کرد تا از این طرح حمایت کند.",
        [(LAV, "indirect", "از این طرح حمایت کند", "درخواست کرد")],
    ),
    (
        "request-khast-ta",
        "پوتین از دولت خواست تا بودجه را زودتر تصویب کند.",
        [(PUT, "indirect", "بودجه را زودتر تصویب کند", "خواست")],
    ),
    (
        "reveal-fash",
        "پسکوف فاش کرد که پوتین نامه+ای از واشنگتن دریافت کرده است.",
        [(PES, "indirect", "پوتین نامه+ای از واشنگتن دریافت کرده است", "فاش کرد")],
    ),
    (
        "compare-tashbih",
        "لاوروف این اقدام را به بازی کودکانه تشبیه کرد.",
        [(LAV, "indirect", "این اقدام را به بازی کودکانه", "تشبیه کرد")],
    ),
    ("accuse-object", "پوتین آمریکا را به نقض توافق متهم کرد.", [(PUT, "indirect", "نقض توافق", "متهم کرد")]),
    (
        "call-namid",
        "ترامپ این توافق را بدترین توافق تاریخ نامید.",
        [(TRU, "indirect", "بدترین توافق تاریخ", "نامید")],
    ),
    (
        "ezhar-comma",
        "زاخارووا در واکنش به این خبر، اظهار کرد، مسکو هیچ طرحی را نپذیرفته است.",
        [(ZAK, "indirect", "مسکو هیچ طرحی را نپذیرفته است", "اظهار کرد")],
    ),
    (
        "participle-noun-phrase",
        "پسکوف با تأیید سفر پوتین به تهران گفت که این سفر مهم است.",
        [(PES, "indirect", "سفر پوتین به تهران", "با تأیید"), (PES, "indirect", "این سفر مهم است")],
    ),
    ("impersonal-mitavan", "از جمله این اقدامات می+توان به افزایش تولید اشاره کرد.", []),
    (
        "goftogu-is-a-noun",
        "پوتین بعد از دیدار در گفت و گو با خبرنگاران گفت: ما راضی هستیم.",
        [(PUT, "direct", "ما راضی هستیم", "گفت")],
    ),
    (
        "coordinated-object-clauses",
        "پوتین بر اهمیت همکاری با ترکیه تأکید کرد و روابط دو کشور را راهبردی خواند و آن را الگو دانست.",
        [
            (PUT, "indirect", "اهمیت همکاری با ترکیه", "تأکید کرد"),
            (PUT, "indirect", "روابط دو کشور را راهبردی", "خواند"),
            (PUT, "indirect", "آن را الگو", "دانست"),
        ],
    ),
    (
        "object-with-contrast-inside",
        "پوتین تحریم+ها را اقدامی غیرقانونی، اما بی+اثر دانست.",
        [(PUT, "indirect", "تحریم+ها را اقدامی غیرقانونی، اما بی+اثر", "دانست")],
    ),
    (
        "outlet-with-modifier",
        "شبکه خبری ایرنا نیز گزارش داد که سه حمله هوایی انجام شده است.",
        [("IRNA", "indirect", "سه حمله هوایی انجام شده است", "گزارش داد")],
    ),
    (
        "generic-head-before-organization",
        "گروه «ناتو» در بیانیه+ای گزارش داد که ده روستا تخلیه شد.",
        [("NATO", "indirect", "ده روستا تخلیه شد", "گزارش داد")],
    ),
    # --- sources: media, documents --------------------------------------------------------
    (
        "according-to-announcement",
        "بر اساس اعلام کرملین، دیدار دو رئیس+جمهور لغو شد.",
        [("Kremlin", "indirect", "دیدار دو رئیس+جمهور لغو شد", "بر اساس اعلام")],
    ),
    (
        "be-neveshte-outlet",
        "پوتین امروز به تهران رفت. به نوشته فارن پالیسی، تحریم+ها اثری نداشته است.",
        [(FP, "indirect", "تحریم+ها اثری نداشته است", "به نوشته")],
    ),
    (
        "this-report-chain",
        "نشریه فارن پالیسی در گزارشی نوشت که تحریم+ها اثر نداشته است. طبق این گزارش، صادرات ایران "
        "افزایش یافته است. این گزارش می+افزاید که چین خریدار اصلی است. در این گزارش آمده است: "
        "روسیه هم خریدار است.",
        [
            (FP, "indirect", "تحریم+ها اثر نداشته است"),
            (FP, "indirect", "صادرات ایران"),
            (FP, "indirect", "چین خریدار اصلی است"),
            (FP, "direct", "روسیه هم خریدار است"),
        ],
    ),
    (
        "bena-bar-in-gozaresh-written-together",
        "نشریه فارن پالیسی نوشت که تحریم+ها ادامه دارد. بنابراین گزارش، پوتین اظهار داشت که صلح ممکن است.",
        [(FP, "indirect", "تحریم+ها ادامه دارد"), (PUT, "indirect", "صلح ممکن است")],
    ),
    # --- a statement inside another ------------------------------------------------------
    (
        "nested-two-speakers",
        "لاوروف گفت که زاخارووا اعلام کرده است که مسکو آماده گفت+وگوست.",
        [(LAV, "indirect", "مسکو آماده گفت+وگوست"), (ZAK, "indirect", "مسکو آماده گفت+وگوست")],
    ),
    # --- titles that stand for the named person ------------------------------------------
    (
        "title-before-surname",
        "محمد رضایی دیروز به مسکو رفت. امیر رضایی امروز گفت: سفر موفق بود.",
        [(REZ, "direct", "سفر موفق بود")],
    ),
    (
        "definite-title-salient-person",
        "محمد رضایی روز شنبه گفت: ما آماده+ایم. معاون وزیر دفاع در ادامه افزود که آزمایش موفق بود.",
        [(REZ, "direct", "ما آماده+ایم"), (REZ, "indirect", "آزمایش موفق بود")],
    ),
    # --- direct speech over several lines ------------------------------------------------
    (
        "run-on-lines",
        "لاوروف گفت: جلسه سازنده بود.\nما به توافق نزدیک شده+ایم.\nوی افزود که گفت+وگوها ادامه دارد.",
        [
            (LAV, "direct", "جلسه سازنده بود"),
            (LAV, "direct", "ما به توافق نزدیک شده+ایم"),
            (LAV, "indirect", "گفت+وگوها ادامه دارد"),
        ],
    ),
    (
        "run-on-nested-statement",
        "لاوروف گفت: جلسه سازنده بود.\nترامپ هفته گذشته توئیت کرد که روسیه شکست خورده است اما چنین نیست.\n"
        "وی افزود که مذاکرات ادامه دارد.",
        [
            (LAV, "direct", "جلسه سازنده بود"),
            (LAV, "direct", "ترامپ هفته گذشته توئیت کرد"),
            (TRU, "indirect", "روسیه شکست خورده است"),
            (LAV, "indirect", "مذاکرات ادامه دارد"),
        ],
    ),
    (
        "run-on-stops-at-narrator",
        "لاوروف گفت: جلسه سازنده بود.\nدر همین حال نیروهای روسیه به شهر نزدیک شدند.",
        [(LAV, "direct", "جلسه سازنده بود")],
    ),
    (
        "closing-mark-next-line",
        "لاوروف گفت: «ما آماده+ایم.\n» پسکوف افزود که مذاکرات ادامه دارد.",
        [(LAV, "direct", "ما آماده+ایم"), (PES, "indirect", "مذاکرات ادامه دارد")],
    ),
    (
        "guillemets-over-lines",
        "لاوروف گفت: «ما آماده+ایم.\nمذاکرات ادامه دارد.»\nپسکوف افزود که نشست فردا است.",
        [(LAV, "direct", "مذاکرات ادامه دارد"), (PES, "indirect", "نشست فردا است")],
    ),
]
