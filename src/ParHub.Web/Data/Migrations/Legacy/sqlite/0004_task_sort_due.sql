-- ParHub migration 0004_task_sort_due (sqlite). The board's sort key: the deadline in force, 9999-12-31 when none.
-- Never edit an applied migration; add a new one.

ALTER TABLE "plan_tasks" ADD COLUMN "SortDue" TEXT NOT NULL DEFAULT '9999-12-31';

UPDATE "plan_tasks" SET "SortDue" = COALESCE("CurrentDue", "Due", '9999-12-31');

CREATE INDEX "IX_plan_tasks_SortDue_PlanId_SortOrder" ON "plan_tasks" ("SortDue", "PlanId", "SortOrder");
