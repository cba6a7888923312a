"""Recipe web pages (a URL, or a saved .html file) read with recipe-scrapers.

recipe-scrapers knows hundreds of recipe sites and, for the rest, reads the schema.org data that
most recipe pages embed. Its steps carry no stove settings, so they import as manual steps.
Fetching a URL uses the standard library with a short timeout; nothing else goes online.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any, Callable

from .ingredients import parse_ingredient
from .model import Recipe, RecipeError, Step, Story, slugify, validate

FETCH_TIMEOUT_S = 15.0
MAX_PAGE_BYTES = 8 * 1024 * 1024
USER_AGENT = "Hearth-kitchen-ui/0.1 (recipe import)"


def fetch_page(url: str, timeout: float = FETCH_TIMEOUT_S) -> str:
    """The page's HTML; RecipeError naming the URL and the reason when it cannot be had."""
    if not url.lower().startswith(("http://", "https://")):
        raise RecipeError(f"{url}: only http:// and https:// addresses can be imported")
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read(MAX_PAGE_BYTES + 1)
            charset = resp.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as exc:
        raise RecipeError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise RecipeError(f"{url}: cannot fetch the page ({reason})") from None
    if len(body) > MAX_PAGE_BYTES:
        raise RecipeError(f"{url}: the page is larger than {MAX_PAGE_BYTES // (1024 * 1024)} MiB")
    return body.decode(charset, errors="replace")


def _get(fn: Callable[[], Any], default: Any = None) -> Any:
    """recipe-scrapers raises for any field a page lacks; a missing field is simply absent."""
    try:
        v = fn()
    except Exception:  # noqa: BLE001 - the library raises many kinds for "not on this page"
        return default
    return default if v in (None, "") else v


def recipe_from_html(html: str, url: str, where: str = "page") -> Recipe:
    from recipe_scrapers import scrape_html

    try:
        scraper = scrape_html(html, org_url=url, supported_only=False)
    except Exception as exc:  # noqa: BLE001 - e.g. NoSchemaFoundInWildMode
        raise RecipeError(f"{where}: no recipe found in the page ({type(exc).__name__})") from None
    title = _get(scraper.title)
    if not isinstance(title, str) or not title.strip():
        raise RecipeError(f"{where}: no recipe found in the page (it has no recipe title)")
    lines = _get(scraper.instructions_list, []) or []
    if not lines:
        text = _get(scraper.instructions, "") or ""
        lines = [x for x in str(text).split("\n") if x.strip()]
    if not lines:
        raise RecipeError(f"{where}: the recipe '{title}' has no instructions")
    ingredients = tuple(parse_ingredient(x) for x in (_get(scraper.ingredients, []) or []) if str(x).strip())
    total_min = _get(scraper.total_time)
    servings_text = str(_get(scraper.yields, "") or "")
    digits = "".join(ch if ch.isdigit() else " " for ch in servings_text).split()
    servings = max(1, min(100, int(digits[0]))) if digits else 2
    tags: list[tuple[str, str]] = []
    for kind, fn in (("cuisine", scraper.cuisine), ("course", scraper.category)):
        for t in str(_get(fn, "") or "").split(","):
            if t.strip():
                tags.append((kind, t.strip().lower()))
    steps = tuple(Step(id=f"s{i + 1}", text=line.strip(), on_end="wait") for i, line in enumerate(lines) if line.strip())
    recipe = Recipe(
        title=title.strip(), servings=servings, slug=slugify(title),
        description=str(_get(scraper.description, "") or "").strip(), ingredients=ingredients, tags=tuple(tags),
        total_time_s=float(total_min) * 60 if isinstance(total_min, (int, float)) and total_min > 0 else None,
        story=Story(cook=str(_get(scraper.author, "") or "")),
        source=str(_get(scraper.canonical_url, "") or url), licence="", steps=steps)
    return validate(recipe)
