CREATE TABLE `search_docs` (
	`seq` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`collection` text NOT NULL,
	`record_id` text NOT NULL,
	`title` text NOT NULL,
	`subtitle` text NOT NULL,
	`name` text NOT NULL,
	`terms` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_docs_key_unique` ON `search_docs` (`key`);--> statement-breakpoint
CREATE INDEX `search_docs_collection` ON `search_docs` (`collection`);--> statement-breakpoint
CREATE INDEX `deals_venue` ON `deals` (`venue_id`);