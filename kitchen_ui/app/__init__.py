"""The application without a window: what the dashboard and ``kitchen-ui cook`` share.

A :class:`~.kitchen.Kitchen` holds N named stoves (:class:`~.stove_app.StoveApp`), each with its
recording sessions (:mod:`.recording`: when a session starts and ends, and how it ended), its
energy meter (:mod:`.energy`), its recipe runs and their rules (pots on the zones, the cook
taking a zone by hand, the zones in use) and the after-recipe comparison and tips
(:mod:`.after`). Everything speaks through psygnal signals.

No Qt here. Stoves, engines and meters speak on their own threads; every object takes a
``post(fn, *args)`` (:data:`~.relay.Post`) that brings their calls onto the host's thread: the
dashboard passes its Qt relay (:mod:`kitchen_ui.ui.relay`), ``cook`` a queue it drains
(:class:`~.relay.QueueRelay`). Words for the cook stay in the views; this layer says *what*
happened (a :class:`~.stove_app.Refusal`, a zone, a status), the view says it in the cook's language.
"""
