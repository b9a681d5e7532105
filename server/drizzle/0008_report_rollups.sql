CREATE TABLE `report_days` (
	`dim` text NOT NULL,
	`service_day` text NOT NULL,
	`key` integer NOT NULL,
	`issued` integer DEFAULT 0 NOT NULL,
	`called` integer DEFAULT 0 NOT NULL,
	`served` integer DEFAULT 0 NOT NULL,
	`no_show` integer DEFAULT 0 NOT NULL,
	`transferred` integer DEFAULT 0 NOT NULL,
	`cancelled` integer DEFAULT 0 NOT NULL,
	`expired` integer DEFAULT 0 NOT NULL,
	`recalls` integer DEFAULT 0 NOT NULL,
	`within_target` integer DEFAULT 0 NOT NULL,
	`wait_ms` blob DEFAULT x'' NOT NULL,
	`walk_ms` blob DEFAULT x'' NOT NULL,
	`service_ms` blob DEFAULT x'' NOT NULL,
	PRIMARY KEY(`dim`, `service_day`, `key`)
);
