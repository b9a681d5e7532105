DROP INDEX `tickets_active`;--> statement-breakpoint
CREATE INDEX `tickets_waiting` ON `tickets` (`status`,`service_day`,`field_id`,`queued_at`);