"""The fleet screen: every stove on an MQTT broker as a tile, the kitchen's energy balance, ALL OFF.

``kitchen-ui --fleet mqtt://HOST:PORT``. The Qt-free :class:`~kitchen_ui.mqtt.fleet.Fleet` decides
everything (what a stove's summary is, whether the budget is exceeded); these widgets show it and
pass taps on. A tile opens that stove's full dashboard through
:class:`~kitchen_ui.mqtt.remote_stove.MqttStove` (:mod:`.window`); :mod:`.run` is the
application around it (``--screenshot``, ``--run-for``, ``--stats``, ``--size``).
"""
