-- 0060: what an event's evidence offsets index: the body text (every event so far) or the
-- title (a question headline analysed as a `questioned` event; extract/headline.py).
ALTER TABLE events ADD COLUMN evidence_in TEXT NOT NULL DEFAULT 'text' CHECK (evidence_in IN ('text', 'title'));
