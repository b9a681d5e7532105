ALTER TABLE `counters` ADD `priority_mode` text DEFAULT 'mixed' NOT NULL;--> statement-breakpoint
ALTER TABLE `fields` ADD `service_minutes` integer DEFAULT 10 NOT NULL;