-- Search index: every Latin word's heads before a joiner (apple's → apple, 7-11-eleven → 7, 7-11), as
-- tokenise.ts indexTokens now writes them, so topic and search plans can use exact lexemes instead of
-- slow prefix scans. Rows stored before this change get their heads here.
UPDATE "mentions" AS m SET "search" = m."search" || h.heads
FROM (
  SELECT m2."id", array_to_tsvector(array_agg(DISTINCT left(lex, p - 1))) AS heads
  FROM "mentions" AS m2
  CROSS JOIN LATERAL unnest(tsvector_to_array(m2."search")) AS lex
  CROSS JOIN LATERAL generate_series(1, regexp_count(lex, '[_''’-]+')) AS n
  CROSS JOIN LATERAL regexp_instr(lex, '[_''’-]+', 1, n) AS p
  WHERE lex ~ '[_''’-]' AND p > 1
  GROUP BY m2."id"
) AS h
WHERE m."id" = h."id";
