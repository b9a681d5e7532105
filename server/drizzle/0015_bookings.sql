CREATE TABLE `bookings` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`field_id` integer NOT NULL,
	`service_day` text NOT NULL,
	`slot_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`code_hash` text NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`phone` text,
	`name` text,
	`citizen_id` text,
	`created_at` integer NOT NULL,
	`ticket_id` integer,
	`on_time` integer,
	`checked_in_at` integer,
	`ended_at` integer,
	`erased_at` integer,
	FOREIGN KEY (`field_id`) REFERENCES `fields`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_code_hash_unique` ON `bookings` (`code_hash`);--> statement-breakpoint
CREATE INDEX `bookings_slot` ON `bookings` (`field_id`,`service_day`,`slot_at`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_phone_day` ON `bookings` (`phone`,`service_day`);--> statement-breakpoint
CREATE INDEX `bookings_status_deadline` ON `bookings` (`status`,`deadline_at`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `booked_for` integer;