"""Qt-free core: data model, clocks, errors and the one stove interface the UI talks to."""
