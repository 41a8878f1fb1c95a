-- Global search, one FTS5 table: it stores what a hit shows (title, subtitle) beside the
-- indexed text, so a search reads one table and an insert writes one. The rowid is derived
-- from the record's projection row: (table rowid << 2) | collection code (artists 0,
-- venues 1, contacts 2, deals 3). No prefix indexes: prefix queries cost the same without
-- them at agency scale (ranking dominates), and they slowed a first sync by ~8 %. The
-- projection is rebuilt after this migration (projection version 3), which fills it.
DROP TABLE `search_fts`;
--> statement-breakpoint
DROP TABLE `search_docs`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	name, terms,
	collection UNINDEXED, record_id UNINDEXED, title UNINDEXED, subtitle UNINDEXED,
	tokenize='unicode61 remove_diacritics 2'
);
