-- 0002: one ORIGINAL per content hash (was: one non-exact row per hash).
--
-- A copy whose normalised text matches an original but whose text differs (case,
-- white space) is now stored as a 'near' duplicate, so it is analysed on its own
-- text; only a byte-identical copy is 'exact'. Looking an original up by hash
-- reads this index (keep the WHERE identical to store/articles.py).
DROP INDEX articles_content_hash;
CREATE UNIQUE INDEX articles_original_hash ON articles(content_hash) WHERE duplicate_of IS NULL;
