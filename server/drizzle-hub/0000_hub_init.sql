CREATE TABLE "center_live" (
	"center_id" integer PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"received_at" bigint NOT NULL,
	"status" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "center_sync" (
	"center_id" integer PRIMARY KEY NOT NULL,
	"events_acked" bigint DEFAULT 0 NOT NULL,
	"ratings_acked" bigint DEFAULT 0 NOT NULL,
	"acked_event_at" bigint,
	"head_event_id" bigint DEFAULT 0 NOT NULL,
	"head_event_at" bigint,
	"head_rating_id" bigint DEFAULT 0 NOT NULL,
	"last_contact_at" bigint,
	"resync_requested" boolean DEFAULT false NOT NULL,
	"config_hash" text,
	"config" jsonb,
	"newest_day" date
);
--> statement-breakpoint
CREATE TABLE "centers" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"key_hash" text,
	"key_issued_at" bigint,
	"created_at" bigint NOT NULL,
	CONSTRAINT "centers_code_unique" UNIQUE("code"),
	CONSTRAINT "centers_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "hub_events" (
	"center_id" integer NOT NULL,
	"event_id" bigint NOT NULL,
	"at" bigint NOT NULL,
	"type" text NOT NULL,
	"ticket_id" bigint,
	"counter_id" integer,
	"field_id" integer,
	"from_status" text,
	"to_status" text,
	"actor_id" integer,
	"device_id" integer,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"service_day" date,
	"issued_at" bigint,
	CONSTRAINT "hub_events_center_id_event_id_at_pk" PRIMARY KEY("center_id","event_id","at")
) PARTITION BY RANGE ("at");
-- Partitioned by month of "at" (epoch ms); drizzle-kit cannot declare partitioning, so this clause was added to
-- the generated statement before it was committed. Each month's partition is created by the hub before the
-- first event of that month is stored (server/src/hub/db/partitions.ts).
--> statement-breakpoint
CREATE TABLE "hub_ratings" (
	"center_id" integer NOT NULL,
	"rating_id" bigint NOT NULL,
	"ticket_id" bigint NOT NULL,
	"counter_id" integer,
	"officer_id" integer,
	"field_id" integer NOT NULL,
	"service_day" date NOT NULL,
	"issued_at" bigint NOT NULL,
	"score" smallint NOT NULL,
	"reasons" text[] NOT NULL,
	"source" text NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "hub_ratings_center_id_rating_id_pk" PRIMARY KEY("center_id","rating_id")
);
--> statement-breakpoint
CREATE TABLE "hub_rollup_hours" (
	"center_id" integer NOT NULL,
	"day" date NOT NULL,
	"hour" smallint NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"called" integer DEFAULT 0 NOT NULL,
	"served" integer DEFAULT 0 NOT NULL,
	"no_show" integer DEFAULT 0 NOT NULL,
	"transferred" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"expired" integer DEFAULT 0 NOT NULL,
	"recalls" integer DEFAULT 0 NOT NULL,
	"within_target" integer DEFAULT 0 NOT NULL,
	"rated_very_good" integer DEFAULT 0 NOT NULL,
	"rated_good" integer DEFAULT 0 NOT NULL,
	"rated_neutral" integer DEFAULT 0 NOT NULL,
	"rated_bad" integer DEFAULT 0 NOT NULL,
	"wait_ms" "bytea" DEFAULT ''::bytea NOT NULL,
	"walk_ms" "bytea" DEFAULT ''::bytea NOT NULL,
	"service_ms" "bytea" DEFAULT ''::bytea NOT NULL,
	CONSTRAINT "hub_rollup_hours_center_id_day_hour_pk" PRIMARY KEY("center_id","day","hour")
);
--> statement-breakpoint
CREATE TABLE "hub_rollups" (
	"center_id" integer NOT NULL,
	"day" date NOT NULL,
	"field" integer NOT NULL,
	"counter" integer NOT NULL,
	"officer" integer NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"called" integer DEFAULT 0 NOT NULL,
	"served" integer DEFAULT 0 NOT NULL,
	"no_show" integer DEFAULT 0 NOT NULL,
	"transferred" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"expired" integer DEFAULT 0 NOT NULL,
	"recalls" integer DEFAULT 0 NOT NULL,
	"within_target" integer DEFAULT 0 NOT NULL,
	"rated_very_good" integer DEFAULT 0 NOT NULL,
	"rated_good" integer DEFAULT 0 NOT NULL,
	"rated_neutral" integer DEFAULT 0 NOT NULL,
	"rated_bad" integer DEFAULT 0 NOT NULL,
	"wait_ms" "bytea" DEFAULT ''::bytea NOT NULL,
	"walk_ms" "bytea" DEFAULT ''::bytea NOT NULL,
	"service_ms" "bytea" DEFAULT ''::bytea NOT NULL,
	CONSTRAINT "hub_rollups_center_id_day_field_counter_officer_pk" PRIMARY KEY("center_id","day","field","counter","officer")
);
--> statement-breakpoint
CREATE TABLE "province_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"staff_id" integer NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "province_staff" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "province_staff_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "ticket_memory" (
	"center_id" integer NOT NULL,
	"ticket_id" bigint NOT NULL,
	"service_day" date NOT NULL,
	"called" boolean NOT NULL,
	"called_at" bigint,
	"serving_at" bigint,
	CONSTRAINT "ticket_memory_center_id_ticket_id_pk" PRIMARY KEY("center_id","ticket_id")
);
--> statement-breakpoint
ALTER TABLE "center_live" ADD CONSTRAINT "center_live_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "center_sync" ADD CONSTRAINT "center_sync_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_sessions" ADD CONSTRAINT "province_sessions_staff_id_province_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."province_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_rollup_hours_day" ON "hub_rollup_hours" USING btree ("day");--> statement-breakpoint
CREATE INDEX "hub_rollups_day" ON "hub_rollups" USING btree ("day");--> statement-breakpoint
CREATE INDEX "province_sessions_staff" ON "province_sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "ticket_memory_day" ON "ticket_memory" USING btree ("center_id","service_day");