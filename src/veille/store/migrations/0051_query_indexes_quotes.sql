-- 0051: more indexes for the evidence queries (veille.queries): quotes by a speaker,
-- entities by organisation. Numbered apart from the store's own sequence; indexes only.
CREATE INDEX quotes_speaker_country ON quotes(speaker_country) WHERE speaker_country IS NOT NULL;
CREATE INDEX quotes_speaker_org ON quotes(speaker_org) WHERE speaker_org IS NOT NULL;
CREATE INDEX entities_org ON entities(org) WHERE org IS NOT NULL;
CREATE INDEX events_place_country ON events(place_country) WHERE place_country IS NOT NULL;
-- Reading an article's date, copy link, title or URL for each event must not walk through its
-- body text (stored before those columns, often on overflow pages): a covering index.
CREATE INDEX articles_event_meta ON articles(doc_id, published, duplicate_of, title, url);
