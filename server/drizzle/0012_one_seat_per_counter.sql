-- Before the rule, two sessions could hold one counter: keep the newest session of the counter's officer, unseat the rest.
UPDATE `sessions` SET `counter_id` = NULL WHERE `counter_id` IS NOT NULL AND rowid IS NOT (
  SELECT s2.rowid FROM `sessions` s2 JOIN `counters` c ON c.`id` = s2.`counter_id` AND c.`officer_id` = s2.`staff_id`
  WHERE s2.`counter_id` = `sessions`.`counter_id` ORDER BY s2.`created_at` DESC LIMIT 1
);--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_one_seat_per_counter` ON `sessions` (`counter_id`) WHERE counter_id IS NOT NULL;
