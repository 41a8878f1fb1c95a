CREATE TABLE `doc_sync` (
	`doc_id` text PRIMARY KEY NOT NULL,
	`confirmed_digest` text,
	`local_digest` text,
	`pending_updates` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
