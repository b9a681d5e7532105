CREATE TABLE `field_days` (
	`field_id` integer NOT NULL,
	`service_day` text NOT NULL,
	`issued` integer DEFAULT 0 NOT NULL,
	`last_seq` integer,
	`waiting` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`field_id`, `service_day`),
	FOREIGN KEY (`field_id`) REFERENCES `fields`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Backfill from the tickets already stored, so an existing database gets correct tallies.
INSERT INTO `field_days` (`field_id`, `service_day`, `issued`, `last_seq`, `waiting`)
SELECT `series_field_id`, `service_day`, count(*), max(`seq`), 0 FROM `tickets` GROUP BY `series_field_id`, `service_day`;
--> statement-breakpoint
INSERT INTO `field_days` (`field_id`, `service_day`, `waiting`)
SELECT `field_id`, `service_day`, count(*) FROM `tickets` WHERE `status` = 'waiting' GROUP BY `field_id`, `service_day`
ON CONFLICT (`field_id`, `service_day`) DO UPDATE SET `waiting` = excluded.`waiting`;
