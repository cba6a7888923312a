-- Schema version 2: cooking sessions (every telemetry sample, the stove's events, the steps taken).
-- Samples are written in chunks: one row per zone per writer flush (about a second), holding
-- that zone's samples as a packed little-endian array (see kitchen_ui/storage/samples.py), so
-- hours of 10 Hz telemetry load into numpy arrays in milliseconds.

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL DEFAULT '',
    recipe_id   INTEGER REFERENCES recipes(id) ON DELETE SET NULL,
    started_at  TEXT NOT NULL,               -- wall clock, ISO 8601 UTC
    ended_at    TEXT,                        -- NULL while recording, or when the app died
    stove_id    TEXT NOT NULL DEFAULT '',
    stove_model TEXT NOT NULL DEFAULT '',
    zones       TEXT NOT NULL DEFAULT '[]',  -- JSON list of the stove's zones (ZoneInfo)
    t_first     REAL,                        -- stove time of the first and last sample
    t_last      REAL,
    samples     INTEGER NOT NULL DEFAULT 0   -- zone samples written
);

CREATE TABLE session_samples (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    zone       INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    t_first    REAL NOT NULL,
    t_last     REAL NOT NULL,
    n          INTEGER NOT NULL,
    data       BLOB NOT NULL,
    PRIMARY KEY (session_id, zone, seq)
) WITHOUT ROWID;

CREATE TABLE session_events (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    t          REAL NOT NULL,
    kind       TEXT NOT NULL,
    zone       INTEGER,
    message    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_events_by_session ON session_events (session_id, t);

CREATE TABLE session_steps (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    t          REAL NOT NULL,
    kind       TEXT NOT NULL,               -- step_active, step_ended, zone_set, prompt, alert ...
    step       INTEGER,
    zone       INTEGER,
    message    TEXT NOT NULL DEFAULT '',
    data       TEXT                          -- JSON object or NULL
);
CREATE INDEX session_steps_by_session ON session_steps (session_id, t);
