"""Energy, cost and CO2 of cooking (no Qt).

* :mod:`.settings` — tariffs and carbon intensities, kept in the kitchen database.
* :mod:`.meter` — :class:`~.meter.EnergyMeter`, a psygnal model fed by a stove's telemetry
  (``changed`` carries an :class:`~.meter.EnergyReading`); handles counter resets.
* :mod:`.store` — session energy saved and loaded, a recipe's earlier runs, weekly summaries.
* :mod:`.tips` — tips computed on the simulator (lid, residual heat, induction instead of gas).
* :mod:`.report` — :func:`~.report.after_recipe`: used, compared, tips.
"""
