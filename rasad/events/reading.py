"""One event mention read off its trigger: region, arguments, status, date and place.

The body of :class:`rasad.events.grammar.Grammar`'s reading of one trigger, kept apart from the
grammar's set-up and sentence loop (:mod:`rasad.events.grammar`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasad.cache import LazyPattern
from rasad.events.actors import Candidate
from rasad.events.factuality import combine
from rasad.events.mentions import (
    Actor,
    Found,
    Hit,
    clause_of,
    comma_clause,
    continues_prev,
    find_antecedent,
    participants,
    trim_span,
    we_partner,
)
from rasad.events.parties import UNNAMED_ATTACKER, governing_date, new_conjunct, visit_host
from rasad.events.resources import Trigger, talk_nouns
from rasad.events.scope import DROP, ClauseIndex, clause_subject
from rasad.events.walks import SentenceWalk, ends_with
from rasad.model import Article, Quote, Timex

if TYPE_CHECKING:
    from rasad.events.grammar import Grammar

JOINT = ("CONSULT", "AGREE")
_DAY = LazyPattern(r"^\d{4}-\d{2}-\d{2}$")
_B = r"(?<![\w\u200c])"  # no letter or ZWNJ before
MIN_ACTORS = {"CONSULT": 2, "AGREE": 2, "ASSAULT": 2, "ACCUSE": 1}


def read_mention(
    g: Grammar,
    doc: Article,
    m: Hit,
    si: int,
    s0: int,
    s1: int,
    prev_end: int,
    nxt: int,
    cands: list[Candidate],
    cues: list[re.Match[str]],
    quotes: tuple[list[Quote], list[int]],
    timexes: list[Timex],
    prev_subject: Actor | None,
    found: list[Found],
    prev_date: str | None = None,
    trig_starts: tuple[int, ...] = (),
    nationality: dict[str, str] | None = None,
    persons: frozenset[str] = frozenset(),
    clauses: ClauseIndex | None = None,
    *,
    walk: SentenceWalk,
) -> Found | None:
    """``walk``: the sentence's indexes, so that no trigger walks the whole sentence."""
    text = doc.text
    trig: Trigger = g.triggers[m.index]
    ts, te = m.start(), m.end()
    before = text[max(s0, ts - 40) : ts]
    if any(b.search(before) for b in g.block):
        return None
    req = trig.requires
    if req is not None and not walk.once(("requires", m.index), lambda: req.search(text, s0, s1)):
        return None
    if trig.unless is not None and trig.unless.search(text, max(s0, ts - 160), ts):
        return None  # نسبت به X هشدار داد: a warning about X, not a threat
    if trig.type == "CONSULT" and walk.once("sports", lambda: g.cx.sports(text, s0, s1)):
        return None  # a match, not a meeting
    if trig.type == "ASSAULT" and trig.mode is None and m.group().startswith("حمله") and walk.once("unarmed", lambda: g.cx.unarmed(text, s0, s1)):
        return None  # به ترامپ حمله کرد in a debate: words, not arms (GUIDELINES §5)
    if (
        ((trig.type == "REJECT" and trig.kind == "verbal") or trig.claim_blocks)
        and g.claim_rx.search(text, max(s0, ts - 120), ts)
    ):
        return None  # ادعاهای X را رد کرد: a denial of a claim is a quote, not a REJECT (nor a confirmation a SUPPORT)
    for rx in g.idioms:
        im = rx.search(text, max(s0, ts - 30), min(s1, te + 40))
        if im is not None and im.start() <= ts and im.end() >= te:
            return None
    ctx = g._context(doc, quotes, s0, s1, walk, cands, ts, prev_subject)
    if trig.speech and not ctx.in_speech:
        return None
    cs, ce = clause_of(g.break_rx, text, (ctx.region_start, ctx.region_end), ts, te, walk.breaks)
    seg_start = max(ctx.region_start, prev_end if prev_end <= ts else ctx.region_start, cs)
    if trig.kind == "verbal":
        seg_end = te
        for vm in g.verb_and_rx.finditer(text, seg_start, ts):
            seg_start = vm.end()
    else:
        seg_end = min(ce, max(nxt, te))
        cu = walk.cue_after(te)
        if cu is not None:
            seg_end = min(seg_end, cu.start())
        pred, pred_end = g.fact.predicate(text, te, seg_end)
        if pred is not None:
            seg_end = min(seg_end, pred_end)
    in_seg = participants(text, walk.cands_in(seg_start, seg_end), seg_start, seg_end, ts, te, nominal=trig.kind == "nominal")
    prev_same = found[-1] if found and found[-1].sentence == si else None

    actors: list[Actor] = []
    solo = False  # a one-sided meeting whose counterpart is an unnamed group
    anaphoric = False
    weak = False
    topic = False
    antecedent: Found | None = None
    ante_mode: str | None = None
    if trig.type in JOINT:
        if trig.mode == "visit":  # از تهران به دوحه سفر کرد: the origin is no party
            in_seg = [c for c in in_seg if not g.cx.origin(text, c)]
        for c in in_seg:
            a = (c.actor, c.actor_id)
            if c.actor not in {x[0] for x in actors}:
                actors.append(a)  # type: ignore[arg-type]
        pair = walk.search_upto("pairs", seg_start, seg_end) if len(actors) < 2 else None
        if pair is not None and clauses is not None and clauses.later_clause(te, pair.start()):
            pair = None  # the pair anaphor opens the next clause
        if pair is not None:
            ante = find_antecedent(found, si, JOINT, need=2)
            if ante is not None and (not actors or actors[0][0] in {x[0] for x in ante.actors}):
                actors = list(ante.actors)
                if ante.sentence == si and ante.type == trig.type:
                    anaphoric = True
                    antecedent = ante
                    ante_mode = ante.mode
            elif (
                ante is not None and len(actors) == 1 and g.cx.with_pair(text, seg_start, pair.start())
            ):
                actors += [a for a in ante.actors if a[0] != actors[0][0]]  # X با دو طرف تماس گرفت
        between = [c for c in in_seg if c.between_marked]
        after = [c for c in in_seg if c.start >= te and not c.with_marked]
        if trig.kind == "nominal" and len({c.actor for c in after}) >= 2 and not between:
            between = after  # مذاکرات نمایندگان روسیه و آمریکا: the genitive names them all
        if len(between) >= 2:  # میان X و Y names every participant
            actors = []
            for c in between:
                if c.actor not in {x[0] for x in actors}:
                    actors.append((c.actor, c.actor_id))  # type: ignore[arg-type]
        if not actors and prev_same is not None and trig.type == "AGREE" and prev_same.type == "CONSULT":
            actors = list(prev_same.actors)  # coordinated clause: ملاقات کردند و ... توافق کردند
        if actors and (
            len(actors) == 1 or (in_seg and all(c.with_marked and not c.between_marked for c in in_seg))
        ):
            subj = g._subject(walk.cands_in(max(ctx.region_start, cs), ts), text, max(ctx.region_start, cs), ts, prev_subject)
            if subj is None and ctx.in_speech:
                subj = ctx.speaker
            if subj is None and ctx.region_start == s0:
                subj = g._subject(walk.cands_in(cs, ts), text, cs, ts, prev_subject)
            if subj is not None and subj[0] not in {x[0] for x in actors}:
                actors.insert(0, subj)
        det = bool(g.det_rx.search(text[max(s0, ts - 12) : ts]))
        if det and actors and trig.type == "CONSULT":
            ante = find_antecedent(found, si, ("CONSULT",), need=2)
            setting = g.prep_before_rx.search(text, max(s0, ts - 20), ts) is not None
            if ante is not None and (
                {x[0] for x in actors} <= {x[0] for x in ante.actors}
                # در این دیدار، X از موضع روسیه قدردانی کرد: the meeting told before, whoever
                # else the sentence names
                or (setting and si - ante.sentence <= 1 and not all(a[0] in persons for a in actors))
            ):
                actors = list(ante.actors)
                anaphoric = True
                antecedent = ante
            elif (
                ante is not None
                and si - ante.sentence <= 1
                and len(actors) == len(ante.actors)
                and all(a[0] in persons for a in actors)
                and not any(a[0] in persons for a in ante.actors)
            ):
                # وزیران خارجه ایران و روسیه ... دیدار کردند. ظریف و لاوروف در این دیدار ...:
                # the people the next sentence names are the meeting's actors
                ante.actors = list(actors)
                anaphoric = True
                antecedent = ante
        if trig.type == "AGREE" and ctx.in_speech and ctx.speaker and actors in ([], [ctx.speaker]):
            actors = [ctx.speaker, *we_partner(m.group(), ctx.speaker, found)]  # ما توافق کردیم
        if len(actors) < 2:
            ante = None
            if det or trig.continues:
                ante = find_antecedent(
                    found, si, ("CONSULT",) if trig.continues else (trig.type,), need=2
                )
            elif not actors and prev_same is not None and prev_same.type == trig.type:
                ante = prev_same
            elif not actors and trig.kind == "nominal":
                ante = find_antecedent(found, si, (trig.type,), need=2, reach=1)
            host = visit_host(trig.mode, cands, te, seg_end, actors) if ante is None else None
            if host is not None:
                actors.append((host.actor, host.actor_id))  # type: ignore[arg-type]  # در سفر خود به تهران
            elif ante is None:
                if not (len(actors) == 1 and g._unnamed_counterpart(trig, text, te, s1, cands)):
                    return None
                solo = True  # X در دیدار با نمایندگان گروه‌های مخالف: the other side is unnamed
            else:
                actors = list(ante.actors)
                anaphoric = True
                antecedent = ante
            if (
                ante is not None
                and ante.sentence == si
                and ante.mode
                and trig.mode == "meet"
                and g.light_rx.match(text, te)
            ):
                ante_mode = ante.mode  # تماس تلفنی ... گفت‌وگو کردند: one call
    else:
        source: Actor | None = None
        genitive = next(
            (c for c in walk.cands_in(te, te + 4) if c.actor and not c.modifier), None
        )
        if trig.source == "speaker":
            source = ctx.speaker
        elif trig.source == "genitive" and genitive is not None:
            source = (genitive.actor, genitive.actor_id)  # type: ignore[assignment]
        if source is None and trig.type == "ASSAULT" and g.cx.object_of_statement(text, te, s1):
            return None  # حمله به کاروان را محکوم کرد: the subject condemns the attack
        if source is None and trig.source != "speaker":
            source = g._subject(walk.cands_in(seg_start, ts), text, seg_start, ts, None) or g._subject(
                walk.cands_in(ctx.region_start, ts), text, ctx.region_start, ts, prev_subject
            )
            if source is None and ctx.in_speech and trig.type != "ASSAULT":
                source = ctx.speaker
            if source is None and trig.kind == "nominal" and genitive is not None:
                source = (genitive.actor, genitive.actor_id)  # type: ignore[assignment]
            if source is None and ctx.region_start == s0 and walk.search_upto("pronouns", s0, ts):
                source = prev_subject
        if source is None and trig.type == "ASSAULT":
            # یک گروه مسلح به پاسگاه ... حمله کردند: an unnamed armed group attacks
            frm = max(s0, ctx.region_start, cs)
            source = g.parties.unnamed_attacker(
                text, frm, ts, te, s1, walk.search_upto("attackers", frm, ts) is not None
            )
        if source is None:
            return None
        if clauses is not None and trig.kind == "verbal" and trig.source != "speaker":
            source = clause_subject(clauses, cands, ts, source) or source
        subject_name = source[0]  # a state the person below stands for is no target of its own
        src_c = next((c for c in cands if c.actor == source[0] and s0 <= c.start < ts), None)
        source = g.cx.role_person(text, src_c, s0, prev_subject, nationality) or source
        if (
            src_c is not None
            and src_c.actor == source[0]
            and trig.type in ("REJECT", "SUPPORT", "ACCUSE")
        ):
            actors = [source] + g.cx.coordinated(text, cands, src_c, ts)
        sp = ctx.speaker
        if sp and nationality and nationality.get(sp[0]) == source[0] and trig.type != "ASSAULT":
            source = sp  # زلنسکی گفت که اوکراین ...: the named person speaks for the state
        actors = [source] + [a for a in actors[1:] if a[0] != source[0]]
        lo, hi = comma_clause(text, seg_start, ce, ts, te)
        # Y مورد حمله X قرار گرفت: the subject Y is the target
        passive = trig.type == "ASSAULT" and bool(g.passive_rx.search(text, max(s0, ts - 12), ts))
        verbal = trig.kind == "verbal" and trig.source != "speaker"
        if verbal:
            # the object of a verb may hold an earlier trigger (از پیشنهاد مذاکرات ... حمایت کرد):
            # look back to the clause start, not to that trigger
            lo = comma_clause(text, max(ctx.region_start, cs), ce, ts, te)[0]
            for vm in g.verb_and_rx.finditer(text, lo, ts):
                lo = vm.end()
            hi = min(hi, te)
        chain = participants(text, walk.cands_in(te, hi), te, hi, te, te, max_gap=1) if trig.source == "speaker" else []
        skip_gen = trig.kind == "nominal" and trig.type != "ASSAULT" and trig.source != "speaker"
        for c in walk.cands_in(lo, hi):  # (the others lie outside [lo, hi))
            obj = verbal and g.obj_rx.match(text, c.end) is not None  # X را هدف قرار داد
            if (
                c.start < lo
                or c.end > hi
                or not c.actor
                or c.modifier
                or c.loc_marked
                or c.between_marked
            ):
                continue
            if skip_gen and c is genitive:
                continue
            if trig.type == "ASSAULT" and c.start < ts and not (c.target_marked or passive or obj):
                continue  # X به Y حمله کرد: Y is the target; X is the source
            if trig.type == "ASSAULT" and c.with_marked:
                continue  # پاسگاه مرزی X با Y (هدف) حمله (قرار گرفت): با names no party of an attack
            if trig.type == "ASSAULT" and trig.kind == "nominal" and c.start >= te and new_conjunct(text, te, c.start):
                continue  # حمله ... به فرودگاه و پیام آمریکا به ایران: Y is the target of another noun
            if (
                verbal
                and (c.with_marked or not (c.target_marked or g.obj_rx.match(text, c.end)))
                and not (c.with_marked and trig.type == "REJECT" and ts <= c.start)
            ):
                continue  # (but حاضر به همکاری با X نیست: X is the one refused)  # با X belongs to a meeting phrase, not to حمایت کرد / رد کرد
            if (
                trig.kind == "nominal"
                and trig.source != "speaker"
                and c.start >= te
                and not (c.target_marked or c is genitive)
            ):
                continue
            if trig.source == "speaker" and trig.kind == "nominal" and c.start < ts:
                continue  # جنایت آمریکا: only the charge's own genitive is accused
            if trig.source == "speaker" and ts <= c.start < te:
                continue  # inside the trigger's own span: حقی برای وتوی عضویت اوکراین ندارد
            if (
                trig.source == "speaker"
                and c.start >= te
                and c not in chain
                and not (
                    c.target_marked
                    and (trig.type == "ACCUSE" or g.cx.direct(trig.type, text, c.start))
                )
            ):
                continue
            if c.actor not in {x[0] for x in actors} and (c.actor != subject_name or c.start > ts):
                actors.append((c.actor, c.actor_id))
        if trig.object_inside:  # خواستار خروج نیروهای X از Y شد: X is the one asked
            inner = g.cx.asked(text, cands, ts, te, source) or g.parties.asked(text, cands, ts, te, source)
            if inner:
                actors = [source, *inner]
        if trig.type == "ASSAULT" and passive and len(actors) == 1 and src_c is not None:
            actors = [UNNAMED_ATTACKER, actors[0]]  # Y هدف حمله قرار گرفت: Y hit, attacker unnamed
        if len(actors) == 1:  # a counterpart named by a construction (تحت حملات X, اگر X, را که X)
            extra = g.cx.counterpart(
                trig.type,
                text,
                cands,
                (s0, s1, ts, lo, max(ctx.region_start, cs)),
                ctx.region_start,
                ctx.speaker,
                actors[0],
                verb_object=trig.kind == "verbal",
            )
            if extra is not None:
                actors.append(extra)
        victim = trig.type == "ASSAULT" and any(c.etype == "PER" for c in walk.cands_in(te, hi))
        named = next((c for c in walk.cands_in(te, te + 3) if c.etype == "PER"), None)
        if (
            victim
            and len(actors) == 1
            and named is not None
            and named.actor != actors[0][0]
            and src_c is not None
            and src_c.etype != "PER"
        ):
            solo = True  # ترور X در بیروت: the attacker alone (a victim is no actor, nor the place)
        elif trig.type == "ASSAULT" and len(actors) == 1:
            # no target named as such: a state named as the place hit (به مواضعی در جنوب لبنان)
            for c in walk.cands_in(lo, hi):
                if c.end <= hi and c.loc_marked and c.actor and c.actor != actors[0][0]:
                    actors.append((c.actor, c.actor_id))
                    break
        # the trigger is the reporting verb of a quote that is its object (X حمله Y را محکوم کرد)
        quoted = ctx.in_speech and ts <= ctx.region_end < te
        if trig.type == "ASSAULT":  # ارتش X / وزارت دفاع X attacks for its state
            actors = g.resolver.military_states(actors)
        elif verbal and trig.type in ("ACCUSE", "SUPPORT"):
            actors = g.accusation.from_object(text, cands, lo, ts, g.cx.nested_from(text, cands, lo, ts, actors))
            if trig.type == "ACCUSE":  # X Y را به ... متهم کرد: Y is charged, the charge's names are not
                frame = g.accusation.actors(text, cands, (lo, ts, te), actors, ctx.speaker, quoted=quoted)
                actors = actors if frame is None else frame
        elif verbal and trig.type == "REJECT":  # X سیاست Y بر Z را رد کرد: Y's plan, not Z
            frame = g.accusation.actors(text, cands, (lo, ts, te), actors, ctx.speaker, True, quoted)
            actors = actors if not frame else frame
        elif trig.kind == "nominal" and trig.type in ("ACCUSE", "SUPPORT"):  # با قدردانی از Z
            actors = g.accusation.after_from(text, cands, te, actors)
    if len(actors) < max(MIN_ACTORS.get(trig.type, 1), 2 if trig.needs_target else 1) and not solo:
        return None
    if trig.party_before and (
        g.norm_rx.search(text, max(s0, ts - 40), ts)
        or g.duty_rx.match(text[te : min(s1, te + 90)])
        or g.norms.no_party(clauses, ts, len(actors) > 1)
        # ایران باید ... in an Iranian official's words: a duty of the speaker's own side
        or (len(actors) == 2 and (nationality or {}).get(actors[0][0]) == actors[1][0])
    ):
        return None  # همه نهادها ... باید, ما باید ... کنیم: a norm, not a request

    # status
    if (
        trig.kind == "verbal"
        and not trig.status
        and g.fact.negated(m.group())
        and trig.type != "REJECT"
    ):
        if trig.type not in JOINT:
            return None  # a statement not made is no event: به دنبال سلاح هسته‌ای نبوده است
        status = "denied"
    elif trig.status:
        status = trig.status
    elif trig.kind == "verbal":
        if trig.type in JOINT or trig.type == "ASSAULT":
            frames = g.fact.frame(text, cs, ts)
            status = combine(g.fact.verbal(m.group()), frames - {"denied"})
        else:  # a statement; a hedged one (به احتمال زیاد ... نخواهد پذیرفت) is only expected,
            # and so is the writer's own forecast (آلمان با این شرط موافقت نخواهد کرد)
            forecast = g.cx.future(m.group()) and (
                ctx.speaker is None or ctx.speaker[0] != actors[0][0]
            )
            hedged = forecast or g.cx.hedged(text, max(cs, ctx.region_start), ts)
            status = "proposed" if hedged else "occurred"
            if not hedged and g.cx.present_state(m.group()):
                status = "ongoing"
    else:
        status, explicit = g.fact.nominal_status(
            text, ts, te, cs, ce, purpose=trig.type in JOINT or trig.type == "ASSAULT"
        )
        weak = not explicit
        # مذاکره as a topic (در قبال مذاکرات با X, میز مذاکره): no occurrence stated
        topic = (
            weak
            and not anaphoric
            and trig.type == "CONSULT"
            and bool(talk_nouns().match(m.group()))
            and not g.scope.engaged(text, ts)
        )

    # the clause's own cues: a condition, question or wish is no event; cancel/deny/plan cues
    pub = doc.published or ""
    ahead = walk.once(
        "ahead", lambda: [(t.start, t.end) for t in timexes if pub and t.value and t.value[:10] > pub[:10]]
    )
    verdict = g.scope.judge(text, max(s0, ctx.region_start), s1, ts, te, trig.kind, ahead)
    conditional = verdict == DROP or (clauses is not None and clauses.conditional(ts))
    retyped = g.threats.conditional(
        trig,
        m.group(),
        conditional,
        ctx.in_speech,
        # (its clause before the trigger is read only for a statement in someone's words)
        text[max(s0, ctx.region_start) : ts] if ctx.in_speech and trig.type in g.threats.retype else "",
        walk.once("question", lambda: ends_with(text, s0, s1, "؟")),
    )
    if retyped is not None:  # در صورت ... هشدار داد; اگر ... نشود، نخواهیم پذیرفت: a threat
        if retyped is not trig:
            trig, status = retyped, retyped.status or status
        conditional, verdict = False, None
    if conditional or (topic and verdict is None):
        return None  # (the syntax layer's conditional clauses too: اگر ... حمله کنند)
    if (
        verdict is not None
        and not (trig.status and verdict != "cancelled")
        and not (verdict == "denied" and trig.type == "REJECT")
        and not (verdict in ("planned", "ongoing") and status not in ("occurred", "ongoing"))
    ):
        status, weak = verdict, False

    # date: speech acts take the date of the speech; others their own clause's
    speech_act = trig.type not in JOINT and trig.type != "ASSAULT"
    date_end = ce
    cu = walk.cue_after(te)
    if cu is not None:
        date_end = min(date_end, cu.start())
    date_start = max(ctx.region_start, cs)
    others = (ts, date_start, date_end)  # the rival triggers: read only near a date found
    if trig.continues:
        date = walk.pick_date(date_start, date_end, ts)
    elif anaphoric:
        date = walk.pick_date(te, date_end, te, others)
    elif speech_act:
        if not ctx.in_speech:  # the statement's own clause (not a date after ، اما),
            # before the act: a date inside what is asked or charged is the content's
            date = walk.pick_date(date_start, ts, ts)
        else:
            speech_end = ctx.cue_start if ctx.cue_start is not None else ctx.region_start
            date = walk.pick_date(s0, speech_end, ts) if speech_end > s0 else None
            if date is None and ctx.region_end < s1:  # «...»، او روز دوشنبه گفت (up to the next clause)
                brk = walk.breaks.search(ctx.region_end, s1)
                stop = brk.start() if brk else s1
                date = walk.pick_date(ctx.region_end, stop, ctx.region_end)
            if date is None and trig.source != "speaker":
                # an act reported in the clause (گفت که روسیه در ژوئن خواستار ... شد) has its own date
                # (a date after a verbal act is inside what is asked: خواستند تا ... به ۶ سپتامبر موکول کند)
                stop = ts if trig.kind == "verbal" else date_end
                date = walk.pick_date(date_start, stop, ts, others)
            if date is None:
                date = ctx.said_on
    else:
        date = walk.pick_date(date_start, date_end, ts, others, text, since=g.since_rx)
        if date is None and status in ("occurred", "ongoing") and trig_starts and ts != trig_starts[0]:
            # a date before the sentence's first event holds for its coordinated events
            date = walk.pick_date(max(ctx.region_start, s0), trig_starts[0], trig_starts[0])
        if date is None and status in ("occurred", "ongoing") and ctx.cue_start is not None:
            # X روز دوشنبه اعلام کرد که A و B ... گفت‌وگو کردند: the governing clause dates it
            date = governing_date(walk.timexes_in(s0, ctx.cue_start), s0, ctx.cue_start, ctx.said_on)
    if (
        date is None
        and not anaphoric
        and status in ("occurred", "ongoing")
        and not (speech_act and ctx.in_speech)
        and continues_prev(g.pron_rx, text, s0, ts)
    ):
        date = prev_date
    if (
        date is None
        and speech_act
        and g.cx.points_back(text, s0, ts, ctx.cue_start if ctx.in_speech else None)
    ):
        date = prev_date  # در این مصاحبه ... انتقاد کرد / او افزود: «...»: the date given just before
    if (  # an attack the article reports as news (از حمله ... خبر داد) is of its day
        date is None
        and trig.type == "ASSAULT"
        and status == "occurred"
        and doc.published
        and _DAY.match(doc.published)
        and (
            g.cx.reported(text, te, s1)  # or announced today: امروز اعلام کرد که X ... حمله کرده است
            or (ctx.cue_start is not None and walk.pick_date(s0, ctx.cue_start, ts) == doc.published)
        )
    ):
        date = doc.published

    if status == "cancelled" and date is not None:
        # به هفته آینده موکول شد: the new date is not the one called off
        date = walk.pick_date(max(ctx.region_start, cs), ts, ts)

    location: Actor | None = None
    if trig.type in JOINT or trig.type == "ASSAULT":
        location = g.setting.location(
            trig.type, trig.mode, text, cands, (s0, cs, ce, ctx.region_start), ts, walk
        )
    elif not ctx.in_speech:  # a statement's venue, before it: در سخنانی در واشنگتن ... متهم کرد
        location = g.setting.location(trig.type, None, text, cands, (s0, cs, ts, ctx.region_start), ts, walk)
    mode = trig.mode
    if ante_mode is not None:
        mode = ante_mode
    elif trig.type == "CONSULT":
        mode = g.setting.consult_mode(mode, text, m.group(), (s0, s1, cs, ce), (ts, te), len(actors))
    ev_start, ev_end = trim_span(text, max(cs, ts - 120), min(ce, te + 120))
    return Found(
        type=trig.type,
        actors=actors,
        status=status,
        trigger=m.group(),
        start=ev_start,
        end=ev_end,
        sentence=si,
        mode=mode,
        date=date,
        location=location,
        continues=trig.continues,
        anaphoric=anaphoric,
        speech=speech_act,
        sentences={si},
        ante=antecedent,
        weak=weak or (anaphoric and bool(g.prep_before_rx.search(text, max(s0, ts - 20), ts))),
    )
