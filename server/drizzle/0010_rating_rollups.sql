ALTER TABLE `report_days` ADD `rated_very_good` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `report_days` ADD `rated_good` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `report_days` ADD `rated_neutral` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `report_days` ADD `rated_bad` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Ratings given before this migration: rolled up once here (hour = local hour of arrival, UTC+7, no DST).
INSERT INTO `report_days` (`dim`, `service_day`, `key`, `rated_very_good`, `rated_good`, `rated_neutral`, `rated_bad`)
SELECT 'field', r.service_day, r.field_id, sum(r.score = 1), sum(r.score = 2), sum(r.score = 3), sum(r.score = 4)
FROM `ratings` r WHERE true GROUP BY 1, 2, 3
ON CONFLICT (`dim`, `service_day`, `key`) DO UPDATE SET `rated_very_good` = excluded.`rated_very_good`, `rated_good` = excluded.`rated_good`, `rated_neutral` = excluded.`rated_neutral`, `rated_bad` = excluded.`rated_bad`;--> statement-breakpoint
INSERT INTO `report_days` (`dim`, `service_day`, `key`, `rated_very_good`, `rated_good`, `rated_neutral`, `rated_bad`)
SELECT 'counter', r.service_day, coalesce(r.counter_id, 0), sum(r.score = 1), sum(r.score = 2), sum(r.score = 3), sum(r.score = 4)
FROM `ratings` r WHERE true GROUP BY 1, 2, 3
ON CONFLICT (`dim`, `service_day`, `key`) DO UPDATE SET `rated_very_good` = excluded.`rated_very_good`, `rated_good` = excluded.`rated_good`, `rated_neutral` = excluded.`rated_neutral`, `rated_bad` = excluded.`rated_bad`;--> statement-breakpoint
INSERT INTO `report_days` (`dim`, `service_day`, `key`, `rated_very_good`, `rated_good`, `rated_neutral`, `rated_bad`)
SELECT 'officer', r.service_day, coalesce(r.officer_id, 0), sum(r.score = 1), sum(r.score = 2), sum(r.score = 3), sum(r.score = 4)
FROM `ratings` r WHERE true GROUP BY 1, 2, 3
ON CONFLICT (`dim`, `service_day`, `key`) DO UPDATE SET `rated_very_good` = excluded.`rated_very_good`, `rated_good` = excluded.`rated_good`, `rated_neutral` = excluded.`rated_neutral`, `rated_bad` = excluded.`rated_bad`;--> statement-breakpoint
INSERT INTO `report_days` (`dim`, `service_day`, `key`, `rated_very_good`, `rated_good`, `rated_neutral`, `rated_bad`)
SELECT 'hour', r.service_day, ((t.issued_at / 1000 + 25200) % 86400) / 3600, sum(r.score = 1), sum(r.score = 2), sum(r.score = 3), sum(r.score = 4)
FROM `ratings` r JOIN `tickets` t ON t.id = r.ticket_id WHERE true GROUP BY 1, 2, 3
ON CONFLICT (`dim`, `service_day`, `key`) DO UPDATE SET `rated_very_good` = excluded.`rated_very_good`, `rated_good` = excluded.`rated_good`, `rated_neutral` = excluded.`rated_neutral`, `rated_bad` = excluded.`rated_bad`;
