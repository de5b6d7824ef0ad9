"""Deterministic memory extraction for memsy.local.

The hosted service extracts memories with a language model; memsy.local uses fixed rules so that tests are
repeatable: the memory text is the event's first sentences, its type comes from cue words, tags are its most
salient words. Content with nothing to extract, or with a blocked term, fails (as a content filter would).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her
    here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself yourselves ok okay
    yes thanks thank please hi hello hey sure let lets get got also
    """.split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_ENTITY = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
_TYPE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("preference", ("prefer", "like", "love", "hate", "favorite", "favourite", "enjoy", "dislike", "want", "rather")),
    ("norm", ("always", "never", "must", "should", "policy", "rule", "required", "mandatory")),
    ("decision", ("decided", "decide", "decision", "chose", "choose", "going to", "plan to", "will")),
    ("event", ("yesterday", "today", "tomorrow", "meeting", "happened", "went", "visited", "booked", "arrived")),
)
_TYPE_PATTERNS = tuple(
    (memory_type, re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b"))
    for memory_type, cues in _TYPE_CUES
)
"""One compiled pattern per type: the first type with a cue word in the text wins."""
_KIND_BY_TYPE = {"preference": "semantic", "norm": "procedural", "decision": "episodic", "event": "episodic"}
MAX_MEMORY_TEXT = 500
TOKENS_PER_CHAR = 0.25


@dataclass(frozen=True)
class Extracted:
    """What one event yields."""

    text: str
    type: str
    kind: str
    confidence: float
    tags: list[str]
    entities: list[str]
    llm_tokens: int


@dataclass(frozen=True)
class Rejected:
    """Why an event yields nothing (the event is marked failed)."""

    reason: str


def words(text: str) -> list[str]:
    """Lower-case words of a text."""
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A crude stem, enough to match "seats" with "seat" and "booking" with "book" (kept for the words seen most
    recently: search stems the words of every memory it scores)."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def stems(text: str) -> frozenset[str]:
    """The stems of a text's words (kept for the texts seen most recently: search scores the same memories over
    and over)."""
    return frozenset(map(stem, set(words(text))))


def keywords(text: str, limit: int) -> list[str]:
    """The most frequent non-stopwords, in order of first appearance among equals."""
    counts = Counter(w for w in words(text) if w not in STOPWORDS and len(w) > 2 and not w.isdigit())
    return [w for w, _ in counts.most_common(limit)]


def extract(content: str, event_kind: str, blocked_terms: tuple[str, ...] = ()) -> Extracted | Rejected:
    """Turn one event into a memory, or reject it."""
    lowered = content.lower()
    for term in blocked_terms:
        if term and term.lower() in lowered:
            return Rejected(f"content filter: contains {term!r}")
    if not any(ch.isalnum() for ch in content):
        return Rejected("nothing to extract")
    collapsed = " ".join(content.split())
    sentences = _SENTENCE_END.split(collapsed)
    text = " ".join(sentences[:2])[:MAX_MEMORY_TEXT]
    memory_type = next((t for t, pattern in _TYPE_PATTERNS if pattern.search(lowered)), "fact")
    kind = "procedural" if event_kind == "tool_result" else _KIND_BY_TYPE.get(memory_type, "semantic")
    confidence = round(min(0.95, 0.55 + 0.1 * (event_kind == "user_message") + min(len(text), 200) / 1000), 3)
    entities = list(
        dict.fromkeys(
            m.group(0) for m in _ENTITY.finditer(collapsed) if m.start() > 0 and m.group(0).lower() not in STOPWORDS
        )
    )[:5]
    return Extracted(
        text=text,
        type=memory_type,
        kind=kind,
        confidence=confidence,
        tags=keywords(text, 3),
        entities=entities,
        llm_tokens=max(1, int(len(content) * TOKENS_PER_CHAR)),
    )


def promotion_prompt(kind: str, name: str, focus: str) -> tuple[str, dict[str, object]]:
    """The deterministic promotion prompt of an org, role or team record, and its metadata."""
    terms = keywords(focus, 5)
    prompt = (
        f"You maintain shared memory for the {kind} '{name}'. Focus: {focus.strip()} "
        f"Promote a memory to this {kind} when it is durable, relevant to the focus"
        + (f" ({', '.join(terms)})" if terms else "")
        + f", and useful to everyone in the {kind}; keep personal details at the actor level."
    )
    return prompt, {"generator": "memsy.local", "version": 1, "focus_terms": terms}


def mentions_any(text: str, terms: list[str]) -> bool:
    """Whether the text mentions one of the terms (compared by stem)."""
    stems = {stem(w) for w in words(text)}
    return any(stem(t) in stems for t in terms)
