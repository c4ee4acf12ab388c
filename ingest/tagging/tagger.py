"""The event tagger: text and publication time in, article tags and events out.

A trigger phrase in a sentence makes an event; its countries, commodities, status and date come
from that sentence (else the headline, else the whole article), which is kept as evidence. Rules,
not a model: every tag traces to the words that set it. This module orchestrates mentions,
sentences and clauses, signals (who acts, negation), roles, status, when, merge (one per act).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime

from ..records import EventRecord
from ..settings import DATA_DIR
from ..text import html_to_text
from .acting import company_acts, government_acts, not_an_act
from .aims import OWNED_AIMED, implied
from .anaphora import referent
from .article import Article, within
from .bans import WORDS as BAN_WORDS
from .bans import measure_kind, undirected_bans
from .boilerplate import outside_promos
from .dates import DateMention, may_start_date, utc_day
from .earlier import as_earlier, split_earlier
from .future import status_by_future
from .genre import reviews_a_work
from .goods import market_only
from .instruments import instrument_owner, owned_roles
from .joint import joint_typed
from .leads import lead_date, lead_proposes
from .meetings import leveled, meeting_level, parties, titles, topic_of_meeting
from .mentions import Gazetteer
from .merge import drop_summit_talks, merge, ordered_unique, with_parties
from .mood import (
    alleged_subsidy,
    named_plan,
    pauses_a_dispute,
    starts_later,
    status_by_mood,
    status_by_wording,
    still_to_come,
    warned_that,
)
from .regions import region_words, regions
from .relative import drop_restated
from .restated import ACT_NOUNS, restated_acts
from .roles import Trigger, collective, lead_actor, main_subject, roles, speaks
from .senses import other_sense
from .sentences import Sentence, split_sentences, subject_clause
from .signals import SIGNAL_WORDS, Facts, ending_denied, may_negate, negated
from .status import Cue, StatusRules
from .taxonomy import Taxonomy, default_taxonomy
from .tense import reported_done, standing
from .triggers import TriggerSet, capped, without_list_names
from .truces import joint_truces
from .vocab import Hot, WordIndex, lower_same_length, normalise_text
from .when import (
    When,
    act_dates,
    ahead_of_another,
    background,
    background_date,
    borrowed_date,
    choose_date,
    event_when,
    held_for,
    naming_year,
    news_clause,
    start_told_next,
)
from .whose import begun, not_the_acts, opened, ordered

TAGGER_VERSION_SALT = "tagger-26"  # bumped when the rules change outside the taxonomy
# WordIndex bits: which matcher may start at a word (or which words of a kind it is: Article.has_word).
_COUNTRY, _COMMODITY, _SIGNAL, _TRIGGER, _CUE, _DATE, _COUNTRY_CASED, _COMMODITY_CASED, _NEG, _REGION, _NOUN = (
    1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
_ROLE_KINDS = ("measure", "strategy")  # kinds with an actor (meetings and agreements have parties)
_AIMED = ("sanction", *OWNED_AIMED)  # aimed at a country: with none stated, the one other named (aims.implied)
_NEGATION_REACH = 160
# Types a company may be the one doing: its investment or plan, its talks or deals (a company's
# deal is no state act: "Three explorers signed supply agreements with LG").
_PACTS = ("talks", "agreement")
_COMPANY_MAY = ("investment", "strategy", *_PACTS)
_SPREADING = ("announced", "proposed")


@dataclass(frozen=True)
class TagResult:
    """Tags of one article: relevance, every country and commodity, and the events found."""

    relevant: bool
    countries: tuple[str, ...]
    commodities: tuple[str, ...]
    events: tuple[EventRecord, ...]


class Tagger:
    """Compiled vocabularies and rules for one taxonomy; `tag` is pure and thread-safe."""

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.tax = taxonomy or default_taxonomy()
        tax = self.tax
        self.version = self._version()
        self.gazetteer = Gazetteer(tax)
        self.countries = self.gazetteer.countries
        self._instruments = {n.lower(): c.code for c in tax.countries for n in c.instruments}
        self.commodities = self.gazetteer.commodities
        # Triggers: matched as one leftmost-first alternation over lower-cased text.
        self._trigger_of = [(et.id, t.subtype, et.kind) for et in tax.event_types for t in et.triggers]
        self._triggers = TriggerSet([t.pattern for et in tax.event_types for t in et.triggers],
                                    [et.id for et in tax.event_types for _t in et.triggers])
        # Which trigger a ban or a curb typed by its goods stands for ("Beijing's ban on
        # gallium" a ban, "Beijing's curbs on gallium" another control).
        self._ban_index = {(way, sub): next((i for i, t in enumerate(self._trigger_of)
                                             if t[0] == type_id and t[1] == sub), -1)
                           for way, type_id in (("export", "export_control"),
                                                ("import", "import_restriction"))
                           for sub in ("ban", "licensing", "other")}
        self.statuses = StatusRules(tax)
        # Which matchers may start at a word, asked once per distinct chunk (see WordIndex).
        self._words = WordIndex({
            _COUNTRY: self.countries.first_words.__contains__,
            _COUNTRY_CASED: self.countries.first_words_cased.__contains__,
            _COMMODITY: self.commodities.first_words.__contains__,
            _COMMODITY_CASED: self.commodities.first_words_cased.__contains__,
            _SIGNAL: SIGNAL_WORDS.may_start,
            _TRIGGER: self._triggers.may_start,
            _CUE: self.statuses.cues.may_start,
            _DATE: may_start_date,
            _NEG: may_negate, _REGION: region_words().__contains__, _NOUN: ACT_NOUNS.__contains__,
        }, not_after_hyphen=_TRIGGER | _CUE | _DATE, sees_next=_TRIGGER | _CUE)

    def _version(self) -> str:
        """A fingerprint of the rules and taxonomy, so stored tags know what made them."""
        h = hashlib.sha1(TAGGER_VERSION_SALT.encode())
        h.update(repr(self.tax).encode())
        h.update("".join(p.pattern for p in titles()).encode())  # meeting_levels.toml types meetings too
        pattern, country_of = regions()  # regions.toml names sub-national governments
        h.update((pattern.pattern + repr(sorted(country_of.items()))).encode())
        for path in sorted((DATA_DIR / "lexicon").glob("*.toml")):  # glossaries feed other languages in
            h.update(path.read_bytes())
        return h.hexdigest()[:12]

    def tag(self, title: str, summary: str, published: datetime | date) -> TagResult:
        """Tag one article. `summary` may be HTML; `published` anchors relative dates."""
        pub = utc_day(published)
        title = normalise_text(html_to_text(title))
        body = normalise_text(html_to_text(summary))
        text = title + "\n" + body
        low = lower_same_length(text)
        sentences = ([Sentence(0, len(title), title)] if title else []) + split_sentences(
            body, len(title) + 1)
        # Split into words once; each matcher then visits only the words that may start a match.
        hot = self._words.hot(low)
        country_hits = self.gazetteer.find_countries(
            text, low, hot[_COUNTRY], hot[_COUNTRY_CASED], sentences)
        commodity_hits = self.gazetteer.find_commodities(
            text, low, hot[_COMMODITY], hot[_COMMODITY_CASED])
        art = Article(self.tax, text, low, sentences, pub, outside_promos(text, country_hits), commodity_hits,
                      hot[_SIGNAL], hot[_DATE], {"region": hot[_REGION], "act_noun": hot[_NOUN]})
        events = [] if reviews_a_work(title) else self._events(art, hot)
        all_commodities = self.tax.rollup(ordered_unique(m.ident for m in commodity_hits))
        relevant = bool(events) and (art.inside or not market_only(low, commodity_hits)) and bool(
            self.gazetteer.traded(low, commodity_hits))
        art_countries = ordered_unique([m.ident for m in country_hits]
                                       + [c for e in events for c in e.countries])
        return TagResult(relevant, tuple(sorted(art_countries)), all_commodities, tuple(events))

    def _events(self, art: Article, hot: dict[int, Hot]) -> list[EventRecord]:
        """The article's events: one per trigger a government acts on, merged per act."""
        found = self._find_triggers(art, [s for s, _w in hot[_TRIGGER]])
        found = capped(drop_restated(art.low, self._with_bans(art, found), lambda i: self._trigger_of[i][0]))
        with_trigger = {si for si, _i, _m in found}
        for si, i, m in found:
            type_id, _sub, kind = self._trigger_of[i]
            art.triggers.setdefault(si, []).append((m.start(), m.end(), kind, type_id))
        self._find_cues(art, with_trigger, [p for p, _w in hot[_CUE]])
        negations = _Negations(hot[_NEG])
        raw: list[tuple[int, EventRecord]] = []
        for si, index, m in found:
            if negations.near(art, si, m.start()):
                continue
            for ev in self._event(art, si, index, m, with_trigger):
                raw.append((si, ev))
                if si == 0 and ev.actor and art.lead is None:
                    art.lead = ev.actor  # the headline's own act names who acts
        raw += restated_acts(art, raw)
        raw += joint_truces(art, raw)
        return merge(drop_summit_talks(raw), frozenset(art.headline_acts - art.later_starts))

    def _find_triggers(self, art: Article, starts: list[int]) -> list[tuple[int, int, re.Match[str]]]:
        """(sentence index, trigger index, match) of every trigger inside a sentence."""
        found = []
        for index, m in self._triggers.finditer(art.low, starts):
            si = art.sentence_at(m.start())
            if si >= 0 and m.end() <= art.sentences[si].end:  # a trigger ends in its sentence
                found.append((si, index, m))
        return without_list_names(found, self._trigger_of)

    def _with_bans(self, art: Article, found: list[tuple[int, int, re.Match[str]]]
                   ) -> list[tuple[int, int, re.Match[str]]]:
        """The triggers plus bans and curbs typed by their goods, in sentences that have a
        commodity."""
        if not art.commodities or not any(w in art.low for w in BAN_WORDS):
            return found
        taken = [m.span() for _si, _i, m in found]
        extra = []
        for si, sent in enumerate(art.sentences):
            for way, m in undirected_bans(art.low, sent.start, sent.end, art.goods(si),
                                          art.countries, taken):
                index = self._ban_index[way, measure_kind(m)]
                if index >= 0:
                    extra.append((si, index, m))
        return sorted(found + extra, key=lambda f: f[2].start()) if extra else found

    def _find_cues(self, art: Article, with_trigger: set[int], cue_at: list[int]) -> None:
        """Status cues of the sentences holding a trigger (only there do they matter), each
        sentence's by priority."""
        starts = [p for si in sorted(with_trigger)
                  for p in within(cue_at, cue_at, art.sentences[si].start, art.sentences[si].end)]
        for cue in self.statuses.find(art.low, starts):
            si = art.sentence_at(cue[1])
            if si >= 0 and cue[2] <= art.sentences[si].end:
                art.cues[si].append(cue)
        art.cues = [self.statuses.by_priority(c) for c in art.cues]

    def _event(self, art: Article, si: int, index: int, m: re.Match[str],
               with_trigger: set[int]) -> list[EventRecord]:
        """The events of one trigger: none when no government acts on it, two when it tells a
        change of an earlier act dated by its noun (earlier.split_earlier)."""
        type_id, subtype, kind = self._trigger_of[index]
        sent = art.sentences[si]
        t0, t1 = m.span()
        f = art.facts(si)
        if self._no_act(art, si, f, (type_id, subtype, kind), t0, t1):
            return []
        trig = t0 - sent.start  # in the sentence
        lo, hi = art.clause(si, trig)
        bg = background(art.low[sent.start: sent.end], lo, hi, trig)
        if bg is not None:
            lo, hi = bg.start, bg.end
        else:
            lo, hi = news_clause(art.low[sent.start: sent.end], (lo, hi), trig, t1 - sent.start)
        if not_an_act(art, f, kind, sent.start + lo, t0, t1) or (
                (type_id in _COMPANY_MAY or subtype == "partnership") and company_acts(
                    art, f, sent.start + lo, t0, t1, type_id == "investment", type_id in _PACTS and subtype != "partnership")):
            return []
        type_id, subtype, kind = joint_typed((type_id, subtype, kind), art.low, sent.start + lo, t0)
        if kind == "meeting":
            type_id, subtype = leveled(type_id, subtype, meeting_level(
                art.low, (sent.start, sent.end), (t0, t1), art.low))
        trg = Trigger(type_id, kind, t0, t1, sent.start + lo, sent.start + hi, bg is not None)
        actor, targets = self._roles(art, si, f, trg)
        dated = act_dates(art.dates(si), art.low, sent.start, (t0, t1), sent.start + hi, art.pub,
                          tuple(a for a, _b, _k, t in art.triggers.get(si, ()) if t != type_id and a >= t1))
        mentions, earlier = split_earlier(dated, art.low, sent.start, (t0, t1), art.pub, kind)
        named = naming_year(art.low, sent.start, t0, t1)
        when = own = named or (background_date(mentions, lo, hi, trig, bg, art.pub, kind) if bg else
                               choose_date(mentions, lo, hi, kind, trig, _other_clauses(art, si, trig)))
        if (when is None or when.vague) and si > 0 and bg is None:
            when = borrowed_date(si, art, with_trigger, kind) or when
        elif when is None and si == 0:
            when = lead_date(art, (type_id, kind))
        status, act, cued = self._status(art, trg, subtype, f, actor, when)
        if when is not own and cued:  # the sentence's own tense outweighs a neighbour's date
            own_status = self._status(art, trg, subtype, f, actor, own)[0]
            if own_status != status:
                when, status = own, own_status
        if named and kind == "agreement" and named.start.year < art.pub.year:
            status = "in_effect"  # "plans to breach the 2015 nuclear deal": it stands
        if kind == "measure" and status == "in_effect" and start_told_next(
                art, si, with_trigger, reach=3 if si == 0 else 0, own=mentions) and not begun(art.low, trg):
            status = "announced"  # "imposed curbs, taking effect on Jan. 1" / "Beginning Aug. 1, ..."
        if si == 0 and (act or cued and kind == "strategy") and status == "in_effect":  # "X Act enters into force"
            art.headline_acts.add(type_id)
        elif si > 0 and status == "announced" and kind == "measure" and (starts_later(
                art.low, (trg.clause_start, trg.clause_end), t0, t1)
                or start_told_next(art, si, with_trigger, own=mentions)):
            art.later_starts.add(type_id)  # a stated later start outweighs the headline's verb
        w = event_when(when, mentions, lo, hi, art.pub, "background" if bg else "published", kind)
        if (status == "suspended" or subtype in ("suspension", "truce")) and (
                pause := held_for(sent.text.lower(), when, mentions, art.pub)):
            w = When(pause[0], pause[1], "day", "published" if pause[0] == art.pub else "text")
        named_ids = parties(art.text, sent.start, f.countries) if kind == "meeting" else f.country_ids
        ev = EventRecord(
            type_id, subtype, status, w.start, w.precision, w.end, w.source, actor,
            with_parties(named_ids or art.fallback_countries, actor, targets),
            tuple(t for t in targets if t != actor) if targets else (),
            art.act_goods(si, (t0, t1), type_id, f.commodity_ids),
            sent.text)
        return [ev, as_earlier(ev, earlier)] if earlier is not None else [ev]

    @staticmethod
    def _no_act(art: Article, si: int, f: Facts, trigger: tuple[str, str, str], t0: int,
                t1: int) -> bool:
        """Whether a trigger names no state act whatever its clause says: a crime probed, a
        subsidy only alleged, a meeting's topic, no government acting, company dealings."""
        type_id, subtype, kind = trigger
        sent = art.sentences[si]
        return (type_id == "investigation" and f.criminal) or other_sense(art.low, type_id, t0, t1, sent.start) or (
            subtype == "subsidy" and alleged_subsidy(art.low, (sent.start, sent.end), t0)) or (
            kind == "measure" and topic_of_meeting(  # "a dialogue on export controls"
                art.low, t0, t1, [(a, b) for a, b, k, _t in art.triggers[si] if k == "meeting"])) or (
            not government_acts(art, si, f, t0, t1, type_id, subtype)) or (
            f.corporate and (kind in ("meeting", "agreement") or type_id == "investment"))

    def _roles(self, art: Article, si: int, f: Facts, trg: Trigger) -> tuple[str | None, tuple[str, ...]]:
        """(actor, targets) of a trigger, with the countries its words stand for ("the kingdom",
        a region's government) and, when its sentence names no one acting, the headline's."""
        sent, t0 = art.sentences[si], trg.start
        ref = referent(art.text, sent.start, t0, art.countries,
                       lambda: self._lead_actor(art) if si > 0 else None)
        extra = [*art.region_governments(si), *([ref] if ref else [])]
        countries = sorted([*f.countries, *extra], key=lambda h: h.start) if extra else f.countries
        actor, targets = roles(trg, sent, countries, f.labels, art.text, f.commodities)
        actor, targets = owned_roles(actor, targets, instrument_owner(  # "Section 301 duties"
            art.text, (t0, trg.end), countries, self._instruments))
        if actor is None and trg.background and trg.clause_start == sent.start:
            actor = main_subject(countries, f.labels, trg.clause_end, targets)
        if trg.kind == "strategy":
            targets = ()  # a plan's rival ("to counter China's dominance") is no measure's target
        if actor is None and trg.kind in _ROLE_KINDS and set(f.country_ids) <= set(targets) and not (
                trg.type_id == "sanction" and collective(art.text, sent.start, t0)):
            # "The world's second largest economy is putting ..."; a headline's "Government"
            # with one country in the whole article is that country's; "exports to the US are
            # banned": the one it names is the target, the headline says who acts.
            lead = self._lead_actor(art) if si > 0 else art.sole_country
            actor = lead if lead not in targets else None
        if actor and not targets and trg.type_id in _AIMED:
            targets = implied(art.text, [h for h in f.countries if not speaks(art.text, h.end)], actor, trg, f.labels)
        return actor, targets

    def _status(self, art: Article, trg: Trigger, subtype: str, f: Facts, actor: str | None,
                when: DateMention | None) -> tuple[str, bool, bool]:
        """(status, reported done with an act verb, set by a cue in the trigger's clause)."""
        t0, t1, c0, c1 = trg.start, trg.end, trg.clause_start, trg.clause_end
        act = trg.kind == "measure" and reported_done(art.low, c0, t0, t1)
        done = "act" if act else ""
        if not done and trg.type_id == "sanction" and standing(art.low, c0, t0, t1):
            done = "standing"
        cues = [c for c in _clause_cues(f.cues, c0, c1, spread=not trg.background)
                if not not_the_acts(c, actor, f.countries, art.low, t0)
                and not (c[0] == "threatened" and warned_that(art.low, c[1], t0))
                and not (c[0] == "in_effect" and still_to_come(art.low, c[1]))
                and not (c[0] == "proposed" and named_plan(art.low, c[1]))
                and not pauses_a_dispute(c, trg.type_id, art.low)
                and not (trg.kind == "meeting" and ahead_of_another(c, t1, art.low))]
        status = self.statuses.status(trg.kind, trg.type_id, subtype, cues, t0, t1, when,
                                      art.pub, done, art.low)
        past = when is not None and (when.end or when.start) < art.pub
        status = status_by_mood(trg.kind, status, art.low, (c0, c1), t0, t1, past)
        sent = art.sentences[art.sentence_at(t0)]
        status = status_by_wording(trg.kind, status, act, art.text, art.low, (c0, c1), t0, t1,
                                   (sent.start, sent.end))
        status = status_by_future(trg.kind, status, act, art.text, art.low, c0, t0, art.sentences[0].end)
        if status == "announced" and trg.kind != "meeting" and t0 < art.sentences[0].end and lead_proposes(
                art, (trg.type_id, trg.kind)):
            status = "proposed"  # "EU unveils minerals act" / "The Commission on Thursday proposed rules"
        if trg.type_id == "investigation" and status in ("announced", "threatened") and (
                ordered(art.low, c0, t0) or status == "announced" and opened(art.low, c0, t0)):
            status = "in_effect"  # "directed the department to open an investigation", "opened a probe"
        if trg.kind == "measure" and ending_denied(art.low[max(c0, t0 - 90): t0]):
            status = "in_effect"  # "would not lift its ban", "has no plans to scrap tariffs": it stands
        return status, act, self.statuses.applies(trg.kind, cues)

    def _lead_actor(self, art: Article) -> str | None:
        """Who acts in the article as its headline says: the actor of the headline's act, else
        the country the headline is about."""
        if art.lead is None and art.sentences and art.sentences[0].start == 0:
            f = art.facts(0)
            art.lead = lead_actor(art.sentences[0], f.countries, f.labels, art.text) or ""
        return art.lead or None


class _Negations:
    """The words of an article that may negate or deny a trigger after them."""

    def __init__(self, hot: Hot) -> None:
        self._starts = [p for p, _w in hot]
        self._ends = [p + len(w) for p, w in hot]  # words do not overlap: ends ascend too

    def near(self, art: Article, si: int, t0: int) -> bool:
        """Whether the trigger at `t0` in sentence si is negated or denied."""
        sent = art.sentences[si]
        j = bisect_right(self._starts, t0 - 1)  # negation words starting before it
        if not j or self._ends[j - 1] <= max(sent.start, t0 - _NEGATION_REACH):
            return False
        return negated(art.text[sent.start: t0])


def _clause_cues(cues: list[Cue], c0: int, c1: int, spread: bool = True) -> list[Cue]:
    """The status cues of the trigger's clause [c0, c1) ("warned ... as China tightens export
    controls" is no threat of China's); with none there, a plan or a future stated earlier in
    the sentence reaches it ("will create a monument ... but block uranium mining"), unless
    the clause is about an earlier act (`spread` False: "plans to stockpile after China
    tightened its controls")."""
    own = [c for c in cues if c0 <= c[1] < c1]
    return own or [c for c in cues if spread and c[1] < c0 and c[0] in _SPREADING]


def _other_clauses(art: Article, si: int, trig: int) -> tuple[tuple[int, int], ...]:
    """The clauses with their own subject of sentence si (offsets in the sentence) holding
    another trigger than the one at `trig`: their dates are their acts'."""
    sent, others = art.sentences[si], art.triggers.get(si, ())
    own = subject_clause(sent.text, trig) if len(others) > 1 else None  # None: no other trigger
    spans = {subject_clause(sent.text, t - sent.start) for t, _e, _k, _t in others} if own is not None else ()
    return tuple(c for c in spans if c != own)
