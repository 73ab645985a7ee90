"""Speakers named before and referred to again, and outlets that report (issue 11).

Written for these tests in the style of Persian news; same format as ``quote_cases.py``.
"""

from __future__ import annotations

from quote_cases import LAV, PEOPLE, Case

KAR = "Pavel Karimov"
RTR = "Reuters"

COREF_PEOPLE: dict[str, tuple[str, str]] = {
    **PEOPLE,
    "پاول کریموف": (KAR, "PER"),
    "خبرگزاری رویترز": (RTR, "ORG"),
    "خبرگزاری آسوشیتدپرس": ("Associated Press", "ORG"),
    "روزنامه گاردین": ("The Guardian", "ORG"),
    "ریاض": ("Riyadh", "GPE"),
    "آکسیوس": ("Axios", "ORG"),
}

COREF_CASES: list[Case] = [
    # a bare singular role (no «یک») names the person who was speaking, not a new anonymous one
    (
        "bare-role-is-the-salient-person",
        "«پاول کریموف» کارشناس مسائل اقتصادی روسیه گفت: بودجه امسال کسری دارد. "
        "کارشناس روس ادامه داد: دولت باید هزینه+ها را کم کند.",
        [(KAR, "direct", "بودجه امسال کسری دارد"), (KAR, "direct", "دولت باید هزینه+ها را کم کند")],
    ),
    (
        "bare-role-twice-stays-the-person",
        "پاول کریموف گفت: تورم بالا است. کارشناس روس افزود: بانک مرکزی نرخ را بالا برد. "
        "کارشناس روس افزود: بازار آرام شده است.",
        [
            (KAR, "direct", "تورم بالا است"),
            (KAR, "direct", "بانک مرکزی نرخ را بالا برد"),
            (KAR, "direct", "بازار آرام شده است"),
        ],
    ),
    (
        "indefinite-role-is-anonymous",
        "لاوروف گفت: مذاکرات ادامه دارد. یک کارشناس روس گفت: نتیجه+ای در کار نیست.",
        [(LAV, "direct", "مذاکرات ادامه دارد"), ("anonymous:Russian expert", "direct", "نتیجه+ای در کار نیست")],
    ),
    # a quoted name that begins with a place name is one name, not the place
    (
        "quoted-name-starting-with-a-place",
        '"ریاض الحسنی"، پژوهشگر امور زندانیان، در بیانیه+ای اعلام کرد که شمار بازداشت+ها افزایش یافته است.',
        [("ریاض الحسنی", "indirect", "شمار بازداشت+ها افزایش یافته است")],
    ),
    # a caption left joined to the next line: the known full name's surname before the cue speaks
    (
        "surname-after-a-joined-caption",
        "سعید نادری در گفت+وگو با خبرنگاران اظهار داشت: این سفر ده روز طول کشید. "
        "عکس یادگاری مردم با نادری در مرز نادری افزود: مردم از ما به گرمی استقبال کردند.",
        [
            ("Saeed Naderi", "direct", "این سفر ده روز طول کشید"),
            ("Saeed Naderi", "direct", "مردم از ما به گرمی استقبال کردند"),
        ],
    ),
    # an outlet that reports from a place is the source of what follows
    (
        "agency-filed-from-a-place",
        "به گزارش خبرگزاری رویترز از بصره، صدها نفر در مقابل ساختمان استانداری تجمع کردند.",
        [(RTR, "indirect", "صدها نفر در مقابل ساختمان استانداری تجمع کردند", "به گزارش")],
    ),
    # «به گزارش این رسانه ...» refers back to the outlet named last
    (
        "this-media-refers-to-the-last-outlet",
        "خبرگزاری آسوشیتدپرس از آغاز تخلیه محموله خبر داد. "
        "به گزارش این رسانه آمریکایی، عملیات تخلیه چند روز طول می+کشد.",
        [
            ("Associated Press", "indirect", "آغاز تخلیه محموله"),
            ("Associated Press", "indirect", "عملیات تخلیه چند روز طول می+کشد"),
        ],
    ),
    # «طبق گزارش قبلی روزنامه X، ...»: a modifier between the phrase and the outlet
    (
        "earlier-report-of-a-named-paper",
        "طبق گزارش قبلی روزنامه گاردین، دولت بریتانیا این طرح را کنار گذاشته است.",
        [("The Guardian", "indirect", "دولت بریتانیا این طرح را کنار گذاشته است")],
    ),
    # a bare title after «به گفته» is the person speaking before, as after a verb cue
    (
        "according-to-a-bare-title",
        "پاول کریموف عضو ناظر شورای رقابت گفت: واردات آزاد شد. "
        "به گفته عضو ناظر شورای رقابت، تعرفه+ها هم کاهش می+یابد.",
        [(KAR, "direct", "واردات آزاد شد"), (KAR, "indirect", "تعرفه+ها هم کاهش می+یابد", "به گفته")],
    ),
    # «به ... اشاره کرد» with a statement as its complement; a topic is no quote
    (
        "eshare-with-a-statement",
        "لاوروف در این نشست، به کشته شدن ده+ها غیرنظامی در حملات هفته گذشته اشاره کرد.",
        [(LAV, "indirect", "کشته شدن ده+ها غیرنظامی در حملات هفته گذشته", "اشاره کرد")],
    ),
    ("eshare-with-a-topic", "لاوروف به موضوع امنیت انرژی در اروپا اشاره کرد.", []),
    # a foreign outlet opening the article is an outlet «این گزارش» may refer back to
    (
        "this-report-after-a-foreign-outlet-dateline",
        "به گزارش وب+سایت خبری آکسیوس، دو کشور مذاکرات محرمانه را از سر گرفته+اند. "
        "این گزارش در ادامه می+افزاید که نشست بعدی ماه آینده برگزار می+شود.",
        [
            ("Axios", "indirect", "دو کشور مذاکرات محرمانه را از سر گرفته+اند", "به گزارش"),
            ("Axios", "indirect", "نشست بعدی ماه آینده برگزار می+شود", "می+افزاید"),
        ],
    ),
    # «فرماندهی» (a command) is a body, not the title «فرمانده» with an ezafe: no salient person
    (
        "command-body-is-not-a-title-holder",
        "لاوروف گفت: گفت+وگوها ادامه دارد. "
        "فرماندهی نیروهای ائتلاف در منطقه اعلام کرد، جزئیات بیشتر بعدا منتشر می+شود.",
        [(LAV, "direct", "گفت+وگوها ادامه دارد")],
    ),
    # «گزارش می‌افزاید»: the bare report is the outlet named last, not a name «گزارش»
    (
        "bare-report-adds",
        "روزنامه گاردین در گزارشی نوشت: دولت بریتانیا نگران است. "
        "گزارش می+افزاید، وزیران هفته آینده درباره این طرح تصمیم می+گیرند.",
        [
            ("The Guardian", "direct", "دولت بریتانیا نگران است"),
            ("The Guardian", "indirect", "وزیران هفته آینده درباره این طرح تصمیم می+گیرند", "می+افزاید"),
        ],
    ),
    # a named speaker inside a run-on line stays the subject of its coordinated cue
    (
        "named-speaker-in-a-run-on-line",
        "لاوروف در نشست خبری گفت: تحریم+ها هیچ اثری بر اقتصاد ما ندارد.\n"
        "در این جلسه پسکوف نیز افزایش همکاری+ها را عاملی برای ثبات منطقه دانست "
        "و خواستار اجرای سریع توافق شد.",
        [
            (LAV, "direct", "تحریم+ها هیچ اثری بر اقتصاد ما ندارد"),
            (LAV, "direct", "پسکوف نیز افزایش همکاری+ها"),
            ("Dmitry Peskov", "indirect", "افزایش همکاری+ها را عاملی برای ثبات منطقه"),
            ("Dmitry Peskov", "indirect", "اجرای سریع توافق"),
        ],
    ),
    # a statement reported inside an unmarked colon speech is the named speaker's quote too
    (
        "named-statement-inside-a-colon-speech",
        "لاوروف در صفحه شخصی خود نوشت: پسکوف دیروز اعلام کرد که مذاکرات هفته آینده ادامه می+یابد.",
        [
            (LAV, "direct", "پسکوف دیروز اعلام کرد که مذاکرات"),
            ("Dmitry Peskov", "indirect", "مذاکرات هفته آینده ادامه می+یابد"),
        ],
    ),
    (
        "unnamed-verb-inside-a-colon-speech",
        "لاوروف در صفحه شخصی خود نوشت: ما بارها اعلام کردیم که مذاکرات ادامه می+یابد.",
        [(LAV, "direct", "ما بارها اعلام کردیم")],
    ),
]
