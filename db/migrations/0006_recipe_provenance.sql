-- Schema version 6: where a recipe came from when it was imported from the community archive
-- (kitchen-ui recipes community --import, the dashboard's Community tab). One row per imported
-- recipe; recipes of the kitchen's own have none. The uid is the share's on the broker, so the
-- same share is never imported twice.

CREATE TABLE recipe_provenance (
    recipe_id   INTEGER PRIMARY KEY REFERENCES recipes(id) ON DELETE CASCADE,
    uid         TEXT NOT NULL UNIQUE,          -- <prefix>/archive/<uid>
    author      TEXT NOT NULL DEFAULT '',
    licence     TEXT NOT NULL DEFAULT '',      -- SPDX identifier, as shared
    kitchen     TEXT NOT NULL DEFAULT '',      -- the sharing kitchen's name
    shared_at   TEXT NOT NULL DEFAULT '',      -- ISO 8601, as shared
    broker      TEXT NOT NULL DEFAULT '',      -- mqtt[s]://host:port (never credentials)
    imported_at TEXT NOT NULL
);
