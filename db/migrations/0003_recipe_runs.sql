-- Schema version 3: recipe runs in progress, saved as they go so a crash can resume them.

CREATE TABLE recipe_runs (
    run_id      TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    recipe_slug TEXT NOT NULL DEFAULT '',
    session_id  INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    status      TEXT NOT NULL,              -- running, paused, completed, aborted
    snapshot    TEXT NOT NULL,              -- JSON: the engine's snapshot (recipe, phases, timers)
    started_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX recipe_runs_unfinished ON recipe_runs (finished_at, updated_at);
