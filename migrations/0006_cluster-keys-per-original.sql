-- Near-duplicate lookup keys move from ten rows per cluster original (mention_keys) to one row with
-- ten indexed key columns: the same lookups at under half the insert cost (ARCHITECTURE.md).
-- firebreak_lsh_keys(simhash) is simhash.ts lshKeys in SQL (a test holds the two equal): it fills
-- the new table from the old one here, where each old row's key did not say which of the ten it was.
CREATE FUNCTION "firebreak_imul32"(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT (((a & 65535) * b) + ((((a >> 16) * b) & 65535) << 16)) & 4294967295 $$;
--> statement-breakpoint
CREATE FUNCTION "firebreak_lsh_keys"(h bigint) RETURNS int[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  b bigint[] := ARRAY[h & 8191, (h >> 13) & 8191, (h >> 26) & 8191, (h >> 39) & 8191, (h >> 52) & 4095];
  keys int[] := '{}';
  t int := 0;
  x bigint;
BEGIN
  FOR i IN 1..5 LOOP
    FOR j IN i + 1..5 LOOP
      x := firebreak_imul32(t + 1, 2654435761) # ((b[i] << 13) | b[j]);
      x := firebreak_imul32(x # (x >> 16), 2246822507);
      x := firebreak_imul32(x # (x >> 13), 3266489909);
      x := x # (x >> 16);
      keys := keys || (CASE WHEN x >= 2147483648 THEN x - 4294967296 ELSE x END)::int;
      t := t + 1;
    END LOOP;
  END LOOP;
  RETURN keys;
END $$;
--> statement-breakpoint
CREATE TABLE "cluster_keys" (
	"org_id" uuid NOT NULL,
	"mention_id" bigint NOT NULL,
	"simhash" bigint NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"k0" integer NOT NULL,
	"k1" integer NOT NULL,
	"k2" integer NOT NULL,
	"k3" integer NOT NULL,
	"k4" integer NOT NULL,
	"k5" integer NOT NULL,
	"k6" integer NOT NULL,
	"k7" integer NOT NULL,
	"k8" integer NOT NULL,
	"k9" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cluster_keys_k0_idx" ON "cluster_keys" USING btree ("k0");--> statement-breakpoint
CREATE INDEX "cluster_keys_k1_idx" ON "cluster_keys" USING btree ("k1");--> statement-breakpoint
CREATE INDEX "cluster_keys_k2_idx" ON "cluster_keys" USING btree ("k2");--> statement-breakpoint
CREATE INDEX "cluster_keys_k3_idx" ON "cluster_keys" USING btree ("k3");--> statement-breakpoint
CREATE INDEX "cluster_keys_k4_idx" ON "cluster_keys" USING btree ("k4");--> statement-breakpoint
CREATE INDEX "cluster_keys_k5_idx" ON "cluster_keys" USING btree ("k5");--> statement-breakpoint
CREATE INDEX "cluster_keys_k6_idx" ON "cluster_keys" USING btree ("k6");--> statement-breakpoint
CREATE INDEX "cluster_keys_k7_idx" ON "cluster_keys" USING btree ("k7");--> statement-breakpoint
CREATE INDEX "cluster_keys_k8_idx" ON "cluster_keys" USING btree ("k8");--> statement-breakpoint
CREATE INDEX "cluster_keys_k9_idx" ON "cluster_keys" USING btree ("k9");--> statement-breakpoint
INSERT INTO "cluster_keys" ("org_id", "mention_id", "simhash", "published_at", "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9")
SELECT o."org_id", o."mention_id", o."simhash", o."published_at", k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9], k[10]
FROM (SELECT DISTINCT ON ("mention_id") "org_id", "mention_id", "simhash", "published_at" FROM "mention_keys" ORDER BY "mention_id") AS o
CROSS JOIN LATERAL firebreak_lsh_keys(o."simhash") AS k;
