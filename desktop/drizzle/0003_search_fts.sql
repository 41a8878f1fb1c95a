-- Global search: an FTS5 index over search_docs (external content), accents folded
-- (unicode61 remove_diacritics 2) and prefix indexes for 2 and 3 characters. The
-- triggers keep it in step with search_docs inside the projection's transaction.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	name, terms,
	content='search_docs', content_rowid='seq',
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `search_docs_ai` AFTER INSERT ON `search_docs` BEGIN
	INSERT INTO search_fts(rowid, name, terms) VALUES (new.seq, new.name, new.terms);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_ad` AFTER DELETE ON `search_docs` BEGIN
	INSERT INTO search_fts(search_fts, rowid, name, terms) VALUES ('delete', old.seq, old.name, old.terms);
END;
--> statement-breakpoint
CREATE TRIGGER `search_docs_au` AFTER UPDATE ON `search_docs` BEGIN
	INSERT INTO search_fts(search_fts, rowid, name, terms) VALUES ('delete', old.seq, old.name, old.terms);
	INSERT INTO search_fts(rowid, name, terms) VALUES (new.seq, new.name, new.terms);
END;
