-- Schema version 4: who eats (household profiles), the author's dietary word on a recipe,
-- settings (energy tariffs), and the energy each cooking session used.

CREATE TABLE profiles (
    name       TEXT PRIMARY KEY COLLATE NOCASE,
    allergies  TEXT NOT NULL DEFAULT '[]',     -- JSON list of allergen ids (kitchen_ui/diet/vocabulary.py)
    diets      TEXT NOT NULL DEFAULT '[]',     -- JSON list of diet ids
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- The recipe file's "dietary" object: each column NULL when the author left it to the ingredients.
CREATE TABLE recipe_dietary (
    recipe_id INTEGER PRIMARY KEY REFERENCES recipes(id) ON DELETE CASCADE,
    allergens TEXT,                            -- JSON list of allergen ids, or NULL
    diets     TEXT                             -- JSON list of diet ids, or NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL                        -- JSON
);

-- One row per zone that drew energy in a session; cost and CO2 at the settings of the time.
CREATE TABLE session_energy (
    session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    zone          INTEGER NOT NULL,
    kind          TEXT NOT NULL,               -- induction, radiant, gas
    energy_wh     REAL NOT NULL,
    cost          REAL NOT NULL,
    co2_g         REAL NOT NULL,
    tariff        REAL NOT NULL,               -- currency per kWh used for cost
    intensity_g   REAL NOT NULL,               -- g CO2 per kWh used
    currency      TEXT NOT NULL DEFAULT '',
    counter_resets INTEGER NOT NULL DEFAULT 0, -- stove restarts seen while metering
    PRIMARY KEY (session_id, zone)
);
