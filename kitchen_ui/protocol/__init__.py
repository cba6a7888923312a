"""KSP/1: a sans-I/O codec and session state machines, with thin asyncio adapters."""
