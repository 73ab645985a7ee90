"""Constructions of analysis pieces and longer news stories, written for these tests.

Same format as ``quote_cases.py``: ``(id, text, expected)`` with ``expected`` a list of
``(speaker, kind, fragment[, cue])``; ``+`` stands for ZWNJ.  These cover participial
cues (``با بیان اینکه``), bare participles (``توصیف کرده، اما``), present-tense reporting,
outlets and authors as speakers, titles introduced without a comma, and subjects behind
honorifics or a dangling agency phrase.
"""

from __future__ import annotations

from quote_cases import ARA, BAG, ERD, GUT, LAV, MAC, PEOPLE, PES, PUT, RUB, TRU, ZAK, Case

FP = "Foreign Policy"
REZ = "Mohammad Rezaei"
KRE = "Kremlin"
AAM = "Ali Agha Mohammadi"

GENERAL_PEOPLE: dict[str, tuple[str, str]] = {
    **PEOPLE,
    "فارن پالیسی": (FP, "ORG"),
    "محمد رضایی": (REZ, "PER"),
    "رضایی": (REZ, "PER"),
    "علی آقا محمدی": (AAM, "PER"),
    "ایرنا": ("IRNA", "ORG"),
    "همشهری+آنلاین".replace("+", "\u200c"): ("Hamshahri Online", "ORG"),
}

GENERAL_CASES: list[Case] = [
    # --- participial cues: the content runs to the comma, the main verb shares the subject
    (
        "participle-bayan-then-colon",
        "لاوروف روز دوشنبه با بیان اینکه مذاکرات به بن+بست نرسیده است، گفت: «ما صبورانه منتظریم.»",
        [
            (LAV, "indirect", "مذاکرات به بن+بست نرسیده است", "با بیان اینکه"),
            (LAV, "direct", "ما صبورانه منتظریم", "گفت"),
        ],
    ),
    (
        "participle-takid-pronoun",
        "زاخارووا امروز در مسکو حاضر شد. وی با تأکید بر اینکه تحریم+ها اثری ندارد، افزود که مسکو راه خود را می+رود.",
        [(ZAK, "indirect", "تحریم+ها اثری ندارد"), (ZAK, "indirect", "مسکو راه خود را می+رود")],
    ),
    (
        "participle-without-main-cue",
        "پسکوف با اشاره به اینکه کرملین از این طرح اطلاعی ندارد، به پرسش بعدی پرداخت.",
        [(PES, "indirect", "کرملین از این طرح اطلاعی ندارد", "با اشاره به اینکه")],
    ),
    (
        "participle-then-object-cue",
        "بقائی با یادآوری اینکه ایران عضو معاهده است، از آمادگی تهران برای گفت+وگو خبر داد.",
        [
            (BAG, "indirect", "ایران عضو معاهده است"),
            (BAG, "indirect", "آمادگی تهران برای گفت+وگو", "خبر داد"),
        ],
    ),
    # --- a title introduced beside the name without a comma, used alone later -------------
    (
        "title-after-bare-apposition-guillemets",
        "«عباس عراقچی» وزیر امور خارجه ایران روز شنبه وارد مسکو شد. "
        "وزیر امور خارجه ایران در این سفر گفت که تهران به تعهداتش پایبند است.",
        [(ARA, "indirect", "تهران به تعهداتش پایبند است")],
    ),
    (
        "title-after-bare-apposition",
        "بقائی سخنگوی وزارت امور خارجه در نشست هفتگی حاضر شد. سخنگوی وزارت امور خارجه افزود: این تصمیم سیاسی است.",
        [(BAG, "direct", "این تصمیم سیاسی است")],
    ),
    (
        "title-same-office",
        "«محمد رضایی» مدیر سازمان انرژی اتمی روز دوشنبه به وین رفت. "
        "رئیس سازمان انرژی اتمی در وین گفت که همکاری ادامه دارد.",
        [(REZ, "indirect", "همکاری ادامه دارد")],
    ),
    (
        "surname-written-joined",
        "علی آقا محمدی در نشست حاضر شد. آقامحمدی گفت که طرح آماده است.",
        [(AAM, "indirect", "طرح آماده است")],
    ),
    (
        "khastar-placeholder-ke",
        "ترامپ خواستار آن شد که مذاکرات فورا آغاز شود.",
        [(TRU, "indirect", "مذاکرات فورا آغاز شود")],
    ),
    # --- bare participles (است left out) ----------------------------------------------------
    (
        "bare-participle-then-present",
        "اردوغان این حمله را اقدامی تروریستی توصیف کرده، اما می+گوید ترکیه خویشتن+داری می+کند.",
        [
            (ERD, "indirect", "این حمله را اقدامی تروریستی", "توصیف کرده"),
            (ERD, "indirect", "ترکیه خویشتن+داری می+کند", "می+گوید"),
        ],
    ),
    (
        "bare-participle-khande",
        "زاخارووا سخنان لندن و پاریس را «نمایشی دیگر» خوانده که هدفی جز فشار ندارد.",
        [(ZAK, "indirect", "سخنان لندن و پاریس را", "خوانده")],
    ),
    ("no-bare-participle-before-passive", "به این درخواست پاسخ داده شد و نشست پایان یافت.", []),
    (
        "object-cue-not-subject-after-breaker",
        "پسکوف هرچند بار دیگر ناتو را تهدیدی برای امنیت روسیه توصیف کرد، اما گفت مسکو به گفت+وگو پایبند است.",
        [(PES, "indirect", "ناتو را تهدیدی"), (PES, "indirect", "مسکو به گفت+وگو پایبند است")],
    ),
    # --- outlets and authors ---------------------------------------------------------------
    (
        "outlet-present-ke",
        "نشریه فارن پالیسی می+نویسد که اروپا در این بحران تنها مانده است.",
        [(FP, "indirect", "اروپا در این بحران تنها مانده است")],
    ),
    (
        "outlet-work-noun",
        "گزارش فارن پالیسی می+افزاید که واشنگتن گزینه دیگری ندارد.",
        [(FP, "indirect", "واشنگتن گزینه دیگری ندارد")],
    ),
    (
        "outlet-demonstrative",
        "نشریه فارن پالیسی در تحلیلی به این موضوع پرداخت. این نشریه می+افزاید: «زمان به سود تهران است.»",
        [(FP, "direct", "زمان به سود تهران است")],
    ),
    (
        "outlet-anaphoric-report",
        "نشریه فارن پالیسی هفته گذشته گزارشی منتشر کرد. بنا بر این گزارش، کاخ سفید به دنبال توافق تازه است.",
        [(FP, "indirect", "کاخ سفید به دنبال توافق تازه است", "بنا بر این گزارش")],
    ),
    (
        "outlet-named-report",
        "بنا بر گزارش نشریه فارن پالیسی، مذاکرات در ماه آینده از سر گرفته می+شود.",
        [(FP, "indirect", "مذاکرات در ماه آینده از سر گرفته می+شود", "بنا بر گزارش")],
    ),
    ("no-dateline-agency", "به گزارش خبرگزاری تسنیم، هیئت+ها در ریاض دیدار کردند.", []),
    # GUIDELINES §9: an outlet other than the publisher (never a Persian news publisher) states
    # what follows, even when it opens the article
    (
        "relayed-foreign-agency-opening",
        "به گزارش خبرگزاری تاس، هیئت+ها در ریاض دیدار کردند.",
        [("TASS", "indirect", "هیئت+ها در ریاض دیدار کردند", "به گزارش")],
    ),
    (
        "no-named-report-mid-sentence",
        "کشورهایی که طبق گزارش رویترز در این نشست حاضر بودند، بیانیه را امضا نکردند.",
        [],
    ),
    (
        "author-of-article",
        "مکرون در مقاله+ای در یک روزنامه فرانسوی به آینده اروپا پرداخت. "
        "نویسنده این مقاله می+گوید اروپا باید به استقلال دفاعی برسد.",
        [(MAC, "indirect", "اروپا باید به استقلال دفاعی برسد")],
    ),
    # --- demonstrative roles refer back to the person ------------------------------------
    (
        "demonstrative-role-with-country",
        "لاوروف روز جمعه به آنکارا رفت. این مقام ارشد روسیه افزود که مذاکرات ادامه دارد.",
        [(LAV, "indirect", "مذاکرات ادامه دارد")],
    ),
    (
        "demonstrative-role-skips-organization",
        "پسکوف گفت که دیدار لغو شده است. کرملین نیز اعلام کرد که برنامه+ای برای تماس وجود ندارد. "
        "این مقام روس افزود که غرب مقصر است.",
        [
            (PES, "indirect", "دیدار لغو شده است"),
            (KRE, "indirect", "برنامه+ای برای تماس وجود ندارد"),
            (PES, "indirect", "غرب مقصر است"),
        ],
    ),
    (
        "written-by-person",
        "گوترش پیش+تر هشدار داده بود که قحطی نزدیک است. به نوشته این مقام ارشد سازمان ملل، کمک+ها به موقع نمی+رسد.",
        [(GUT, "indirect", "قحطی نزدیک است"), (GUT, "indirect", "کمک+ها به موقع نمی+رسد", "به نوشته")],
    ),
    # --- subjects behind honorifics or a dangling phrase ------------------------------------
    (
        "honorific-multiword",
        "حجت الاسلام و المسلمین محمد رضایی در جمع خبرنگاران گفت: انتخابات آزاد برگزار می+شود.",
        [(REZ, "direct", "انتخابات آزاد برگزار می+شود")],
    ),
    (
        "subject-after-unknown-segment",
        "پایگاه خبری شبکه «ایرنا»، «محمد رضایی» نماینده مجلس روز یکشنبه هشدار داد که بودجه کافی نیست.",
        [(REZ, "indirect", "بودجه کافی نیست")],
    ),
    # --- ادامه: the present reports a bare clause, the past needs a colon -------------------
    (
        "present-edame",
        "زاخارووا ادامه می+دهد غرب هیچ برنامه+ای برای صلح ندارد.",
        [(ZAK, "indirect", "غرب هیچ برنامه+ای برای صلح ندارد", "ادامه می+دهد")],
    ),
    ("no-edame-purpose-clause", "ایران به غنی+سازی ادامه می+دهد تا زمانی که تحریم+ها لغو شود.", []),
    ("no-edame-past-bare", "لاوروف به سخنان خود ادامه داد و از خبرنگاران تشکر کرد.", []),
    (
        "plural-group-is-anonymous",
        "خانواده+های قربانیان گفتند که عدالت می+خواهند.",
        [("anonymous:خانواده\u200cهای قربانیان", "indirect", "عدالت می+خواهند")],
    ),
    (
        "clause-after-copula-ke-keeps-salient",
        "لاوروف به آنکارا رفت. این در حالی است که در نشست دیروز افزود که مذاکرات ادامه دارد.",
        [(LAV, "indirect", "مذاکرات ادامه دارد")],
    ),
    (
        "no-salient-for-relative-head",
        "لاوروف به آنکارا رفت. موسسه+ای که در زمینه انرژی فعالیت می+کند اعلام کرد که ذخایر کاهش یافته است.",
        [],
    ),
    # --- more cues -----------------------------------------------------------------------
    (
        "light-verb-joined",
        "بقائی اظهارداشت که مذاکرات غیرمستقیم ادامه می+یابد.",
        [(BAG, "indirect", "مذاکرات غیرمستقیم")],
    ),
    (
        "entegad",
        "ترامپ از سیاست+های تجاری چین انتقاد کرد.",
        [(TRU, "indirect", "سیاست+های تجاری چین", "انتقاد کرد")],
    ),
    (
        "estedlal-present",
        "روبیو استدلال می+کند که تحریم+ها کارساز است.",
        [(RUB, "indirect", "تحریم+ها کارساز است")],
    ),
    # --- round 3: consider-verbs, denial, accusation, groups, relayed agencies -------------
    (
        "barshemord-object",
        "لاوروف سطح روابط دو کشور را خوب و رو به رشد برشمرد.",
        [(LAV, "indirect", "سطح روابط دو کشور را خوب", "برشمرد")],
    ),
    (
        "danest-negated-is-a-statement",
        "لاوروف حل بحران را از راه نظامی ممکن ندانست.",
        [(LAV, "indirect", "حل بحران را از راه نظامی ممکن", "ندانست")],
    ),
    (
        "danest-ke-is-knowing",
        "لاوروف دانست که سفر لغو شده است.",
        [],
    ),
    (
        "danest-relative-after-object",
        "پوتین تغییری در موضع خود نشان نداد و این جنگ را به تهدیدهای امنیتی مرتبط دانست.",
        [(PUT, "indirect", "این جنگ را به تهدیدهای امنیتی مرتبط", "دانست")],
    ),
    (
        "ebraz-after-clause-with-group",
        "نشست به نتیجه نرسید و همه کشورهای عضو تمایل خود را برای ادامه گفت+وگو ابراز کردند.",
        [("anonymous:all member states", "indirect", "تمایل خود را برای ادامه گفت+وگو", "ابراز کردند")],
    ),
    (
        "takzib-object",
        "زاخارووا این ادعا را تکذیب کرد.",
        [(ZAK, "indirect", "این ادعا", "تکذیب کرد")],
    ),
    (
        "mottaham-critics",
        "منتقدان دولت او را به بی+توجهی به متحدان متهم کرده+اند.",
        [("anonymous:critics", "indirect", "بی+توجهی به متحدان", "متهم کرده+اند")],
    ),
    (
        "hoshdar-participle-plural-group",
        "سران نظامی بارها با هشدار اینکه عملیات جدید شکست خواهد خورد، اذعان کرده+اند که نیروها خسته+اند.",
        [
            ("anonymous:military leaders", "indirect", "عملیات جدید شکست خواهد خورد", "با هشدار اینکه"),
            ("anonymous:military leaders", "indirect", "نیروها خسته+اند", "اذعان کرده+اند"),
        ],
    ),
    (
        "relayed-agency-after-own-dateline",
        "به گزارش همشهری+آنلاین، لاوروف گفت که مذاکرات ادامه دارد. "
        "به گزارش ایرنا، نشست وزیران با صدور بیانیه+ای پایان یافت.",
        [
            (LAV, "indirect", "مذاکرات ادامه دارد"),
            ("IRNA", "indirect", "نشست وزیران با صدور بیانیه+ای پایان یافت", "به گزارش"),
        ],
    ),
    (
        "own-agency-dateline-is-no-quote",
        "به گزارش ایرنا، نشست وزیران با صدور بیانیه+ای پایان یافت.",
        [],
    ),
    (
        "bare-gofte-before-ke",
        "یک مقام آمریکایی گفته که محموله+ها بدون درگیری توقیف شده+اند.",
        [("anonymous:US official", "indirect", "محموله+ها بدون درگیری توقیف شده+اند", "گفته")],
    ),
    (
        "khast-ke-request",
        "لاوروف از طرف+های درگیر خواست که فورا آتش+بس را بپذیرند.",
        [(LAV, "indirect", "فورا آتش+بس را بپذیرند")],
    ),
    (
        "khast-without-ke-is-wanting",
        "لاوروف خواست به تهران سفر کند.",
        [],
    ),
    (
        "account-attributed-to-person",
        "حساب توئیتری منتسب به «لاوروف» این خبر را تکذیب کرد.",
        [(LAV, "indirect", "این خبر", "تکذیب کرد")],
    ),
    (
        "administration-of-a-person-after-dateline",
        "گروه بین+الملل خبرگزاری مهر - دولت ترامپ به لبنان هشدار داده است که جنگ تازه+ای در راه است.",
        [("anonymous:Donald Trump administration", "indirect", "جنگ تازه+ای در راه است")],
    ),
    (
        "unnamed-reports",
        "طبق برخی گزارش+ها، ارتش از دادن تعهد امتناع خواهد کرد.",
        [("anonymous:some reports", "indirect", "ارتش از دادن تعهد امتناع خواهد کرد")],
    ),
    (
        "unnamed-reports-with-own-cue",
        "طبق برخی گزارش+ها، لاوروف گفت که سفر لغو شده است.",
        [(LAV, "indirect", "سفر لغو شده است")],
    ),
    (
        "split-cue-stops-at-clause-end",
        "لاوروف که خواستار اصلاح روابط با اروپاست، طرحی را ارائه کرده بود که به اتحادیه پیشنهاد شد.",
        [],
    ),
    (
        "indefinite-role-after-time-phrase",
        "زاخارووا گفت که توافق آسان نیست. در ساعات پایانی دیشب یک منبع در دولت انگلیس گفت «ما فقط به دنبال توافق هستیم».",
        [
            (ZAK, "indirect", "توافق آسان نیست"),
            ("anonymous:source", "direct", "ما فقط به دنبال توافق هستیم"),
        ],
    ),
    (
        "role-after-preposition-is-not-subject",
        "زاخارووا امروز سخن گفت. در گفت+وگو با یک منبع آگاه، وی گفت که مذاکرات ادامه دارد.",
        [(ZAK, "indirect", "مذاکرات ادامه دارد")],
    ),
    # --- constructions counted in the raw corpus (scripts/mine_quote_cues.py)
    (
        "according-to-pronoun-semicolon",
        "لاوروف گفت که گفت+وگوها ادامه دارد. به گفته وی؛ دور بعدی مذاکرات ماه آینده برگزار می+شود.",
        [
            (LAV, "indirect", "گفت+وگوها ادامه دارد"),
            (LAV, "indirect", "دور بعدی مذاکرات ماه آینده برگزار می+شود", "به گفته"),
        ],
    ),
    (
        "according-to-pronoun-no-comma",
        "لاوروف گفت که گفت+وگوها ادامه دارد. به گفته وی دور بعدی مذاکرات، ماه آینده برگزار می+شود.",
        [
            (LAV, "indirect", "گفت+وگوها ادامه دارد"),
            (LAV, "indirect", "دور بعدی مذاکرات، ماه آینده برگزار می+شود", "به گفته"),
        ],
    ),
    (
        "hamza-seat-spelling-of-role",
        "رییس سازمان هواپیمایی گفت: پروازهای خارجی از هفته آینده از سر گرفته می+شود.",
        [("anonymous:head", "direct", "پروازهای خارجی از هفته آینده از سر گرفته می+شود")],
    ),
    (
        "friday-prayer-leader-title",
        "امام جمعه موقت شهر گفت: مردم در راهپیمایی با شکوه حضور پیدا کردند.",
        [("anonymous:interim Friday prayer leader", "direct", "مردم در راهپیمایی با شکوه حضور پیدا کردند")],
    ),
    (
        "relative-speaking-clause-is-not-a-quote",
        "لاوروف که در جمع خبرنگاران سخن می+گفت، اظهار داشت: روسیه به دنبال تشدید تنش نیست.",
        [(LAV, "direct", "روسیه به دنبال تشدید تنش نیست", "اظهار داشت")],
    ),
    (
        "document-of-the-previous-sentence-issuer",
        "کرملین روز دوشنبه بیانیه+ای صادر کرد. در این بیانیه آمده است که مسکو از همه طرف+ها خویشتنداری می+خواهد.",
        [(KRE, "indirect", "مسکو از همه طرف+ها خویشتنداری می+خواهد", "آمده است")],
    ),
    (
        "document-without-an-issuer-before",
        "کرملین روز دوشنبه جلسه+ای برگزار کرد. در این بیانیه آمده است که مسکو از همه طرف+ها خویشتنداری می+خواهد.",
        [],
    ),
]
