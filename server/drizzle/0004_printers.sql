CREATE TABLE `printers` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`uri` text NOT NULL,
	`width_dots` integer DEFAULT 576 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `devices` ADD `printer_id` integer;