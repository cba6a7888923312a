-- Hearth kitchen database, schema version 1: the recipe library.
-- A recipe is stored in parts (ingredients, tags, story, pots, steps) so the library can be
-- searched; the parts rebuild the recipe's hearth-recipe/1 JSON exactly.

CREATE TABLE recipes (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    servings      INTEGER NOT NULL CHECK (servings BETWEEN 1 AND 100),
    description   TEXT NOT NULL DEFAULT '',
    total_time_s  REAL,
    active_time_s REAL,
    source        TEXT NOT NULL DEFAULT '',
    licence       TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE ingredients (
    recipe_id INTEGER NOT NULL REFERENCES recipes(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    quantity  REAL,
    unit      TEXT NOT NULL DEFAULT '',
    name      TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (recipe_id, position)
);

CREATE TABLE tags (
    recipe_id INTEGER NOT NULL REFERENCES recipes(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('cuisine', 'course', 'diet', 'other')),
    value     TEXT NOT NULL,
    PRIMARY KEY (recipe_id, position)
);
CREATE INDEX tags_by_value ON tags (value);

CREATE TABLE stories (
    recipe_id INTEGER PRIMARY KEY REFERENCES recipes(id) ON DELETE CASCADE,
    text      TEXT NOT NULL DEFAULT '',
    origin    TEXT NOT NULL DEFAULT '',
    cook      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE pots (
    recipe_id INTEGER NOT NULL REFERENCES recipes(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    pot_id    TEXT NOT NULL,
    label     TEXT NOT NULL DEFAULT '',
    zone_role TEXT NOT NULL DEFAULT 'any',
    vessel    TEXT,                          -- JSON object or NULL
    PRIMARY KEY (recipe_id, position)
);

CREATE TABLE steps (
    recipe_id  INTEGER NOT NULL REFERENCES recipes(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    step_id    TEXT NOT NULL,
    text       TEXT NOT NULL,
    pot_id     TEXT,
    setting    TEXT,                         -- JSON object or NULL for a manual step
    duration_s REAL,
    start      TEXT NOT NULL DEFAULT 'now',
    on_end     TEXT NOT NULL DEFAULT 'continue',
    after      TEXT,                         -- JSON list of step ids, or NULL: the step before
    alerts     TEXT NOT NULL DEFAULT '[]',   -- JSON list
    PRIMARY KEY (recipe_id, position)
);
