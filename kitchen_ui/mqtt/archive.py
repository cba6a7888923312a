"""The community archive on the broker: a recipe shared by one kitchen, read safely by another.

A share is one retained message on ``<prefix>/archive/<uid>`` (:meth:`Topics.archive`), a JSON
envelope ``hearth-share/1``::

    {"format": "hearth-share/1", "uid": "...", "recipe": {schema.org Recipe JSON-LD},
     "story": {"text", "origin", "cook"}, "author": "...", "licence": "CC-BY-4.0",
     "kitchen": "...", "shared_at": "2026-12-04T18:00:00+00:00"}

The uid is a hash of the sharing kitchen's name and the recipe's slug, so sharing the same recipe
again replaces the message on the broker instead of adding a second one.

Anyone on the broker can publish there, so every payload is treated as hostile until checked:
its size is capped before it is decoded, then it must be UTF-8 JSON without NaN, nested at most
:data:`MAX_DEPTH` deep, with bounded lists, texts and numbers, no markup or control characters in
any text (a Qt label would render ``<b>`` as rich text), a uid that matches its topic, and a
recipe that passes the same checks as ``recipes import`` of a file. A payload that fails is a
:class:`ShareRejected` naming the problem; nothing in here raises anything else for bad input.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any, Iterable

from ..recipes.interchange import recipe_from_jsonld, recipe_to_jsonld
from ..recipes.model import Recipe, RecipeError, Story

SHARE_FORMAT = "hearth-share/1"
DEFAULT_LICENCE = "CC-BY-4.0"          # the starter archive's licence, as an SPDX id
MAX_PAYLOAD = 256 * 1024               # bytes, checked before decoding
MAX_DEPTH = 16                         # a Hearth share nests 6 deep
MAX_NODES = 20_000                     # values in the whole document
MAX_ITEMS = 200                        # entries in any one list (ingredients, steps ...)
MAX_TEXT = 20_000                      # characters in any one text (a long story fits)
MAX_NAME = 120                         # author and kitchen names
MAX_NUMBER = 1e9
UID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
LICENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$")      # an SPDX identifier
_MARKUP = re.compile(r"<[A-Za-z!/?]|javascript:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")   # incl. bidi overrides


class ShareRejected(ValueError):
    """A shared recipe that cannot be used; ``reason`` says why, ``uid`` which one."""

    def __init__(self, uid: str, reason: str) -> None:
        super().__init__(f"{uid}: {reason}")
        self.uid, self.reason = uid, reason


@dataclass(frozen=True)
class SharedRecipe:
    """One checked share: the recipe (as ``recipes import`` would read it) and where it is from."""

    uid: str
    recipe: Recipe
    author: str
    licence: str
    kitchen: str
    shared_at: str
    size: int = 0                      # bytes on the broker

    @property
    def title(self) -> str:
        return self.recipe.title

    def excerpt(self, chars: int = 160) -> str:
        """The story's first words, for a list row."""
        text = " ".join(self.recipe.story.text.split())
        return text if len(text) <= chars else text[:chars - 1].rsplit(" ", 1)[0].rstrip(".,;:—-") + "…"

    def to_listing(self) -> dict[str, Any]:
        return {"uid": self.uid, "title": self.title, "author": self.author, "licence": self.licence,
                "kitchen": self.kitchen, "shared_at": self.shared_at, "size": self.size}


@dataclass
class Listing:
    """What a look at the archive found: the usable shares by title, and the rejected ones."""

    shared: list[SharedRecipe] = field(default_factory=list)
    rejected: list[ShareRejected] = field(default_factory=list)

    def find(self, uid: str) -> SharedRecipe | None:
        return next((s for s in self.shared if s.uid == uid), None)


# -- sharing ------------------------------------------------------------------------------------------
def share_uid(kitchen: str, slug: str) -> str:
    """Stable for one kitchen's recipe: sharing it again replaces the retained message."""
    return hashlib.sha256(f"{kitchen}\n{slug}".encode()).hexdigest()[:32]


def check_licence(licence: str) -> str:
    if not LICENCE.match(licence):
        raise ValueError(f"licence {licence!r}: expected an SPDX identifier such as {DEFAULT_LICENCE}")
    return licence


def build_share(recipe: Recipe, *, kitchen: str, author: str, licence: str = DEFAULT_LICENCE,
                now: datetime | None = None) -> tuple[str, bytes]:
    """(uid, payload) for ``recipe``; ShareRejected if another kitchen would refuse it."""
    uid = share_uid(kitchen, recipe.slug)
    when = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="seconds")
    doc = {"format": SHARE_FORMAT, "uid": uid, "recipe": recipe_to_jsonld(recipe), "story": recipe.story.to_dict(),
           "author": author, "licence": licence, "kitchen": kitchen, "shared_at": when}
    payload = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    parse_share(uid, payload)          # what others would say of it, said here first
    return uid, payload


# -- reading -------------------------------------------------------------------------------------------
def uid_from_topic(topic: str, prefix: str) -> str | None:
    head = f"{prefix}/archive/"
    return topic[len(head):] if topic.startswith(head) else None


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _check_tree(doc: Any, uid: str) -> None:
    """Bounds on the whole document, walked without recursion (deep nesting is an attack too)."""
    stack: list[tuple[Any, str, int]] = [(doc, "", 0)]
    nodes = 0
    while stack:
        v, path, depth = stack.pop()
        nodes += 1
        where = path or "the message"
        if nodes > MAX_NODES:
            raise ShareRejected(uid, f"more than {MAX_NODES} values; a recipe is far smaller")
        if depth > MAX_DEPTH:
            raise ShareRejected(uid, f"{where}: nested more than {MAX_DEPTH} deep")
        if isinstance(v, dict):
            if len(v) > MAX_ITEMS:
                raise ShareRejected(uid, f"{where}: {len(v)} fields (at most {MAX_ITEMS})")
            for k in v:                # a key ends up in the reason: checked before it is named
                if len(k) > 64 or _CONTROL.search(k) or _MARKUP.search(k):
                    raise ShareRejected(uid, f"{where}: a field name that is too long or not plain text "
                                             f"({k[:20]!r}…)")
            stack += [(x, f"{path}.{k}" if path else str(k), depth + 1) for k, x in v.items()]
        elif isinstance(v, list):
            if len(v) > MAX_ITEMS:
                raise ShareRejected(uid, f"{where}: {len(v)} entries (at most {MAX_ITEMS})")
            stack += [(x, f"{path}[{i}]", depth + 1) for i, x in enumerate(v)]
        elif isinstance(v, str):
            if len(v) > MAX_TEXT:
                raise ShareRejected(uid, f"{where}: a text of {len(v)} characters (at most {MAX_TEXT})")
            if _MARKUP.search(v):
                raise ShareRejected(uid, f"{where}: contains markup or a script ({_MARKUP.search(v).group()!r}…); "
                                         "shared recipes are plain text")
            if _CONTROL.search(v):
                raise ShareRejected(uid, f"{where}: contains control characters")
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            if not math.isfinite(v) or abs(v) > MAX_NUMBER:
                raise ShareRejected(uid, f"{where}: the number {v:g} is out of any sensible range")


def _text(doc: dict[str, Any], key: str, uid: str, limit: int, *, required: bool = True) -> str:
    v = doc.get(key)
    if v is None and not required:
        return ""
    if not isinstance(v, str):
        what = "missing" if v is None else f"must be text, not {type(v).__name__}"
        raise ShareRejected(uid, f"{key}: {what}")
    v = v.strip()
    if required and not v:
        raise ShareRejected(uid, f"{key}: empty")
    if len(v) > limit:
        raise ShareRejected(uid, f"{key}: {len(v)} characters (at most {limit})")
    return v


def parse_share(topic_uid: str, payload: bytes | bytearray) -> SharedRecipe:
    """A shared recipe from the retained message on ``<prefix>/archive/<topic_uid>``."""
    uid = topic_uid if UID.match(topic_uid or "") else repr(topic_uid)[:80]
    if not UID.match(topic_uid or ""):
        raise ShareRejected(uid, "the topic's uid is not 1-64 letters, digits, '-' or '_'")
    size = len(payload)
    if size > MAX_PAYLOAD:
        raise ShareRejected(uid, f"{size} bytes; a shared recipe may be at most {MAX_PAYLOAD // 1024} KiB")
    try:
        text = bytes(payload).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ShareRejected(uid, f"not UTF-8 text (byte {exc.start})") from None
    try:
        doc = json.loads(text, parse_constant=_no_constants)
    except RecursionError:
        raise ShareRejected(uid, f"not JSON Hearth reads: nested more than {MAX_DEPTH} deep") from None
    except ValueError as exc:          # JSONDecodeError, NaN/Infinity, an integer of thousands of digits
        raise ShareRejected(uid, f"not valid JSON ({exc})") from None
    if not isinstance(doc, dict):
        raise ShareRejected(uid, f"expected a JSON object, not {type(doc).__name__}")
    _check_tree(doc, uid)
    if doc.get("format") != SHARE_FORMAT:
        raise ShareRejected(uid, f"format: expected {SHARE_FORMAT!r}, not {doc.get('format')!r}")
    if doc.get("uid") is None:
        raise ShareRejected(uid, "uid: missing (it must match its topic)")
    if doc.get("uid") != topic_uid:
        raise ShareRejected(uid, f"uid {str(doc.get('uid'))[:80]!r} does not match its topic")
    author = _text(doc, "author", uid, MAX_NAME)
    kitchen = _text(doc, "kitchen", uid, MAX_NAME)
    licence = _text(doc, "licence", uid, 64)
    if not LICENCE.match(licence):
        raise ShareRejected(uid, f"licence {licence!r}: expected an SPDX identifier such as {DEFAULT_LICENCE}")
    shared_at = _text(doc, "shared_at", uid, 40)
    try:
        when = datetime.fromisoformat(shared_at)
    except ValueError:
        raise ShareRejected(uid, f"shared_at {shared_at!r}: expected an ISO 8601 time") from None
    if when.tzinfo is None:
        raise ShareRejected(uid, f"shared_at {shared_at!r}: the time needs its UTC offset")
    story = doc.get("story") or {}
    if not isinstance(story, dict) or not all(isinstance(story.get(k, ""), str) for k in ("text", "origin", "cook")):
        raise ShareRejected(uid, "story: expected an object with text, origin and cook")
    if not isinstance(doc.get("recipe"), dict):
        raise ShareRejected(uid, "recipe: missing (the schema.org Recipe JSON-LD)")
    try:
        recipe = recipe_from_jsonld(doc["recipe"])        # as `recipes import` reads a JSON-LD file
    except RecipeError as exc:
        raise ShareRejected(uid, f"recipe: {exc}") from None
    except Exception as exc:           # noqa: BLE001 - a hostile shape must never break the reader
        raise ShareRejected(uid, f"recipe: cannot be read ({type(exc).__name__})") from None
    if not recipe.story.text and story.get("text"):
        recipe = replace(recipe, story=Story(story["text"].strip(), str(story.get("origin", "")).strip(),
                                             recipe.story.cook or str(story.get("cook", "")).strip()))
    return SharedRecipe(uid=topic_uid, recipe=recipe, author=author, licence=licence, kitchen=kitchen,
                        shared_at=when.astimezone(timezone.utc).isoformat(timespec="seconds"), size=size)


def read_listing(messages: Iterable[tuple[str, bytes]], prefix: str) -> Listing:
    """Every retained (topic, payload) checked: the good by title then uid, the rejected by uid."""
    out = Listing()
    for topic, payload in messages:
        uid = uid_from_topic(topic, prefix)
        if uid is None or not payload:         # not ours, or a share withdrawn
            continue
        try:
            out.shared.append(parse_share(uid, payload))
        except ShareRejected as exc:
            out.rejected.append(exc)
    out.shared.sort(key=lambda s: (s.title.casefold(), s.uid))
    out.rejected.sort(key=lambda r: r.uid)
    return out
