"""``kitchen-ui recipes share`` and ``recipes community``: the community archive on an MQTT broker.

``share ID --broker URL`` publishes a recipe, retained, on ``<prefix>/archive/<uid>``;
``community --broker URL [--json]`` lists what kitchens have shared (rejected shares are named on
standard error, with the reason); ``community --broker URL --import UID`` adds one share to this
kitchen's database with where it came from. Exit codes: 0 done; 1 the broker cannot be reached,
the share is missing or rejected, or the database refuses; 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
from typing import Any, Callable


def register_actions(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Add ``share`` and ``community`` to the ``recipes`` actions."""
    from ..mqtt.archive import DEFAULT_LICENCE
    from ..mqtt.cli_args import add_broker_args

    sp = add("share", "share a recipe with other kitchens on an MQTT broker (retained, replaces an earlier share)")
    sp.add_argument("id", metavar="ID", help="recipe number or slug")
    add_broker_args(sp, required=True)
    sp.add_argument("--author", metavar="NAME", help="who shares it (default: the recipe's cook, else the kitchen)")
    sp.add_argument("--licence", "--license", dest="licence", metavar="SPDX",
                    help=f"the licence others may use it under, an SPDX id (default {DEFAULT_LICENCE}, the "
                         "starter archive's; a recipe that names another licence needs this flag)")
    sp.add_argument("--kitchen", metavar="NAME", help="this kitchen's name, as others see it (default: the host name)")
    sp = add("community", "list the recipes kitchens have shared on an MQTT broker, or import one")
    add_broker_args(sp, required=True)
    sp.add_argument("--json", action="store_true", help="one JSON object a line")
    sp.add_argument("--import", dest="import_uid", metavar="UID", help="import this share into the kitchen database")


def _login(args: argparse.Namespace) -> Any:
    from ..cli import UsageError
    from ..mqtt.broker import BrokerError
    from ..mqtt.cli_args import login_from_args
    from ..mqtt.topics import TopicError, Topics
    try:
        return login_from_args(args), Topics(args.topic_prefix)
    except (BrokerError, TopicError) as exc:
        raise UsageError(str(exc)) from None


def _name(text: str | None, flag: str) -> str | None:
    from ..cli import UsageError
    from ..mqtt.archive import MAX_NAME
    if text is None:
        return None
    text = text.strip()
    if not text or len(text) > MAX_NAME:
        raise UsageError(f"{flag}: give 1 to {MAX_NAME} characters")
    return text


def do_share(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..mqtt.archive import DEFAULT_LICENCE, ShareRejected, build_share, check_licence
    from ..mqtt.archive_client import publish_retained
    from ..storage.database import open_db
    from ..storage.recipes_store import load_recipe, resolve_id
    login, topics = _login(args)
    try:
        licence = None if args.licence is None else check_licence(args.licence)
    except ValueError as exc:
        raise UsageError(f"--licence: {exc}") from None
    kitchen = _name(args.kitchen, "--kitchen") or socket.gethostname()[:120] or "kitchen"
    author = _name(args.author, "--author")
    with open_db(getattr(args, "db", None)) as kdb:
        rid = resolve_id(kdb, args.id)
        recipe = load_recipe(kdb, rid)
    author = author or recipe.story.cook or kitchen
    if licence is None:
        if recipe.licence.strip().replace(" ", "-").upper() not in ("", DEFAULT_LICENCE.upper()):
            print(f"kitchen-ui: error: '{recipe.title}' says its licence is '{recipe.licence}': say under which "
                  "licence you may share it with --licence SPDX (e.g. CC-BY-4.0)", file=sys.stderr)
            return 1
        licence = DEFAULT_LICENCE
    try:
        uid, payload = build_share(recipe, kitchen=kitchen, author=author, licence=licence)
    except ShareRejected as exc:
        print(f"kitchen-ui: error: '{recipe.title}' cannot be shared: other kitchens would refuse it "
              f"({exc.reason})", file=sys.stderr)
        return 1
    publish_retained(login, topics.archive(uid), payload)
    print(f"shared '{recipe.title}' on {login.address} as {topics.archive(uid)} "
          f"({len(payload)} bytes, {licence}, by {author} from {kitchen})")
    return 0


def do_community(args: argparse.Namespace) -> int:
    from ..mqtt.archive_client import fetch_listing
    if args.import_uid is not None:
        return _import(args)
    login, topics = _login(args)
    listing = fetch_listing(login, topics)
    for bad in listing.rejected:
        print(f"kitchen-ui: rejected share {bad.uid}: {bad.reason}", file=sys.stderr)
    if args.json:
        for s in listing.shared:
            print(json.dumps(s.to_listing(), ensure_ascii=False))
        return 0
    if not listing.shared:
        print(f"nothing shared on {login.address} under {topics.archive_all()}"
              + (f" ({len(listing.rejected)} rejected)" if listing.rejected else ""))
        return 0
    for s in listing.shared:
        print(f"{s.uid}  {s.title:<36.36}  by {s.author} ({s.kitchen}), {s.licence}, {s.shared_at}")
    if listing.rejected:
        print(f"{len(listing.rejected)} rejected (see above)", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..mqtt.archive import UID
    from ..mqtt.archive_client import fetch_one
    from ..storage.database import open_db
    from ..storage.library import KitchenLibrary
    from ..storage.provenance import Provenance, import_with_provenance
    uid = args.import_uid.strip()
    if not UID.match(uid):
        raise UsageError(f"--import {args.import_uid!r}: a share's uid is 1-64 letters, digits, '-' or '_' "
                         "(see 'kitchen-ui recipes community')")
    login, topics = _login(args)
    listing = fetch_one(login, topics, uid)
    for bad in listing.rejected:
        print(f"kitchen-ui: error: the share {bad.uid} is rejected: {bad.reason}", file=sys.stderr)
        return 1
    shared = listing.find(uid)
    if shared is None:
        print(f"kitchen-ui: error: nothing is shared as {uid} on {login.address} "
              f"(see 'kitchen-ui recipes community --broker {login.address}')", file=sys.stderr)
        return 1
    where = Provenance(uid=uid, author=shared.author, licence=shared.licence, kitchen=shared.kitchen,
                       shared_at=shared.shared_at, broker=str(login.address))
    with open_db(getattr(args, "db", None)) as kdb:
        done = import_with_provenance(KitchenLibrary(kdb), shared.recipe, where)
    if done.how == "already":
        print(f"'{done.title}' from this share is already in the library as #{done.id}")
    elif done.how == "identical":
        print(f"'{done.title}' is already in the library as #{done.id}, word for word; not imported again")
    else:
        print(f"imported '{done.title}' as #{done.id}, shared by {shared.author} from {shared.kitchen} "
              f"({shared.licence})" + (" under a new slug (the old one was taken)" if done.how == "renamed" else ""))
    return 0


def run_action(fn: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run ``fn``; a broker that cannot be reached is exit 1 with its name and the reason."""
    from ..mqtt.archive_client import BrokerUnreachable
    try:
        return fn(args)
    except BrokerUnreachable as exc:
        print(f"kitchen-ui: error: {exc}", file=sys.stderr)
        return 1


ACTIONS = {"share": lambda a: run_action(do_share, a), "community": lambda a: run_action(do_community, a)}
