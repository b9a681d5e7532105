CREATE TABLE `devices` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`counter_id` integer,
	`token_hash` text,
	`pairing_code_hash` text,
	`pairing_expires_at` integer,
	`paired_at` integer,
	`last_seen_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_token_hash_unique` ON `devices` (`token_hash`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`staff_id` integer NOT NULL,
	`counter_id` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_staff` ON `sessions` (`staff_id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_username_unique` ON `staff` (`username`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `counter_fields` (
	`counter_id` integer NOT NULL,
	`field_id` integer NOT NULL,
	`position` integer NOT NULL,
	`weight` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`counter_id`, `field_id`),
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`field_id`) REFERENCES `fields`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `counters` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`status` text DEFAULT 'closed' NOT NULL,
	`pause_reason` text,
	`policy` text DEFAULT 'order' NOT NULL,
	`current_ticket_id` integer,
	`officer_id` integer,
	`fair` text DEFAULT '{"priority":0,"normal":0,"fields":{}}' NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counters_number_unique` ON `counters` (`number`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`ticket_id` integer,
	`counter_id` integer,
	`field_id` integer,
	`from_status` text,
	`to_status` text,
	`actor_id` integer,
	`device_id` integer,
	`data` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_at` ON `events` (`at`);--> statement-breakpoint
CREATE INDEX `events_ticket` ON `events` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `fields` (
	`id` integer PRIMARY KEY NOT NULL,
	`parent_id` integer,
	`code` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`prefix` text NOT NULL,
	`width` integer DEFAULT 3 NOT NULL,
	`start_number` integer DEFAULT 1 NOT NULL,
	`daily_limit` integer,
	`opens_at` text,
	`closes_at` text,
	`issuing` integer DEFAULT true NOT NULL,
	`target_wait_minutes` integer DEFAULT 30 NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fields_code_unique` ON `fields` (`code`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY NOT NULL,
	`series_field_id` integer NOT NULL,
	`field_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`service_day` text NOT NULL,
	`status` text NOT NULL,
	`priority` text,
	`counter_id` integer,
	`target_counter_id` integer,
	`issued_at` integer NOT NULL,
	`queued_at` integer NOT NULL,
	`called_at` integer,
	`recalls` integer DEFAULT 0 NOT NULL,
	`tracking_code` text NOT NULL,
	`idempotency_key` text,
	`device_id` integer,
	FOREIGN KEY (`series_field_id`) REFERENCES `fields`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`field_id`) REFERENCES `fields`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_tracking_code_unique` ON `tickets` (`tracking_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_series_day_seq` ON `tickets` (`series_field_id`,`service_day`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_device_idempotency` ON `tickets` (`device_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `tickets_active` ON `tickets` (`status`,`field_id`,`queued_at`);--> statement-breakpoint
CREATE INDEX `tickets_day` ON `tickets` (`service_day`);