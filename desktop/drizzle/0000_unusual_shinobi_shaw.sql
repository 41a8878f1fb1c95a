CREATE TABLE `artists` (
	`id` text PRIMARY KEY NOT NULL,
	`doc_id` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`genres` text NOT NULL,
	`fee_min` integer NOT NULL,
	`fee_max` integer NOT NULL,
	`currency` text NOT NULL,
	`draw` integer NOT NULL,
	`home_city` text NOT NULL,
	`home_country` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `artists_name` ON `artists` (`name`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`doc_id` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`email` text NOT NULL,
	`venue_id` text
);
--> statement-breakpoint
CREATE INDEX `contacts_name` ON `contacts` (`name`);--> statement-breakpoint
CREATE INDEX `contacts_venue` ON `contacts` (`venue_id`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` text PRIMARY KEY NOT NULL,
	`doc_id` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL,
	`artist_id` text NOT NULL,
	`venue_id` text NOT NULL,
	`date` text NOT NULL,
	`stage` text NOT NULL,
	`hold_level` integer,
	`guarantee` integer NOT NULL,
	`currency` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deals_artist_date` ON `deals` (`artist_id`,`date`);--> statement-breakpoint
CREATE INDEX `deals_stage` ON `deals` (`stage`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`doc_id` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL,
	`artist_id` text NOT NULL,
	`kind` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`deal_id` text
);
--> statement-breakpoint
CREATE INDEX `events_artist_start` ON `events` (`artist_id`,`start`);--> statement-breakpoint
CREATE TABLE `invalid_records` (
	`key` text PRIMARY KEY NOT NULL,
	`collection` text NOT NULL,
	`doc_id` text NOT NULL,
	`error` text NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `venues` (
	`id` text PRIMARY KEY NOT NULL,
	`doc_id` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`city` text NOT NULL,
	`country` text NOT NULL,
	`capacity` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `venues_name` ON `venues` (`name`);--> statement-breakpoint
CREATE INDEX `venues_city` ON `venues` (`city`);--> statement-breakpoint
CREATE TABLE `ydoc_snapshots` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`up_to_seq` integer NOT NULL,
	`state` blob NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ydoc_updates` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_id` text NOT NULL,
	`update` blob NOT NULL,
	`origin` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ydoc_updates_doc` ON `ydoc_updates` (`doc_id`,`seq`);