-- Configuration changes bump one number so the server's config cache knows when to reload,
-- whoever wrote them (an admin screen, a script, another connection). Queue state changes do not bump it.
CREATE TABLE `config_version` (`id` integer PRIMARY KEY CHECK (`id` = 1), `version` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `config_version` (`id`, `version`) VALUES (1, 1);
--> statement-breakpoint
CREATE TRIGGER `fields_insert_bumps_config` AFTER INSERT ON `fields` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `fields_update_bumps_config` AFTER UPDATE ON `fields` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `fields_delete_bumps_config` AFTER DELETE ON `fields` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `counter_fields_insert_bumps_config` AFTER INSERT ON `counter_fields` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `counter_fields_update_bumps_config` AFTER UPDATE ON `counter_fields` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `counter_fields_delete_bumps_config` AFTER DELETE ON `counter_fields` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_insert_bumps_config` AFTER INSERT ON `settings` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_update_bumps_config` AFTER UPDATE ON `settings` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_delete_bumps_config` AFTER DELETE ON `settings` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `counters_insert_bumps_config` AFTER INSERT ON `counters` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `counters_delete_bumps_config` AFTER DELETE ON `counters` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `counters_config_update_bumps_config` AFTER UPDATE OF `number`, `name`, `policy`, `active` ON `counters` BEGIN UPDATE `config_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
