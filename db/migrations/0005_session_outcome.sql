-- Schema version 5: how each cooking session ended.
-- finished (its recipe cooked to the end), aborted (the cook stopped the recipe), interrupted
-- (the app or the stove went while a recipe cooked), manual (cooking by hand, no recipe).
-- NULL while recording; a NULL on a session that has no end is read as interrupted.

ALTER TABLE sessions ADD COLUMN outcome TEXT;

-- Sessions recorded before: judged by the runs recorded in them and by whether they were closed.
UPDATE sessions SET outcome = CASE
    WHEN ended_at IS NULL THEN 'interrupted'
    WHEN EXISTS (SELECT 1 FROM recipe_runs r WHERE r.session_id = sessions.id AND r.status = 'completed') THEN 'finished'
    WHEN EXISTS (SELECT 1 FROM recipe_runs r WHERE r.session_id = sessions.id AND r.status = 'aborted') THEN 'aborted'
    WHEN EXISTS (SELECT 1 FROM recipe_runs r WHERE r.session_id = sessions.id) THEN 'interrupted'
    ELSE 'manual'
END;
