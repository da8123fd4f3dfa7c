-- ParHub migration 0005_task_board_keys_index (postgres). A covering index for the board's keys of a plan or a year.
-- Never edit an applied migration; add a new one.

CREATE INDEX "IX_plan_tasks_PlanId_SortDue_SortOrder_Id" ON plan_tasks ("PlanId", "SortDue", "SortOrder", "Id");
