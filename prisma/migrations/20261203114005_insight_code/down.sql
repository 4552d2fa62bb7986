-- Undoes 20261203114005_insight_code.
ALTER TABLE "insights" DROP COLUMN "code";
