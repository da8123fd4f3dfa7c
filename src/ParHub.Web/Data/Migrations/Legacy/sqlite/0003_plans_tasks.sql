-- ParHub migration 0003_plans_tasks (sqlite). Plans, targets, tasks and their tracking; notifications.
-- Never edit an applied migration; add a new one.

CREATE TABLE "digest_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_digest_entries" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "ItemKey" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL
);

CREATE TABLE "notifications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_notifications" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NULL,
    "Link" TEXT NULL,
    "ReadAt" TEXT NULL
);

CREATE TABLE "plans" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plans" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Number" TEXT NULL,
    "DocType" TEXT NULL,
    "Issuer" TEXT NULL,
    "IssuedOn" TEXT NULL,
    "Year" INTEGER NOT NULL,
    "PeriodFrom" TEXT NULL,
    "PeriodTo" TEXT NULL,
    "Title" TEXT NOT NULL,
    "LegalBases" TEXT NULL,
    "Purposes" TEXT NULL,
    "SourceFile" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "plan_targets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_targets" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Metric" TEXT NULL,
    "Comparator" TEXT NULL,
    "Threshold" TEXT NULL,
    "Unit" TEXT NULL,
    "Period" TEXT NULL,
    "ResponsibleAgencyId" INTEGER NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_plan_targets_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "plan_tasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_plan_tasks" PRIMARY KEY AUTOINCREMENT,
    "PlanId" INTEGER NULL,
    "No" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Group" TEXT NULL,
    "ReformArea" TEXT NULL,
    "Content" TEXT NOT NULL,
    "Product" TEXT NULL,
    "LeadText" TEXT NULL,
    "CooperatingText" TEXT NULL,
    "Parts" TEXT NULL,
    "TimeframeText" TEXT NULL,
    "TimeframeKind" TEXT NOT NULL,
    "Recurrence" TEXT NULL,
    "Start" TEXT NULL,
    "Due" TEXT NULL,
    "CurrentDue" TEXT NULL,
    "AssignedBy" TEXT NULL,
    "Source" TEXT NULL,
    "Progress" TEXT NOT NULL,
    "CompletedOn" TEXT NULL,
    "ProductNumber" TEXT NULL,
    "LastNote" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_plan_tasks_plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "plans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "deadline_changes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_deadline_changes" PRIMARY KEY AUTOINCREMENT,
    "TaskId" INTEGER NOT NULL,
    "OldDue" TEXT NULL,
    "NewDue" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    CONSTRAINT "FK_deadline_changes_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "task_assignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_task_assignments" PRIMARY KEY AUTOINCREMENT,
    "TaskId" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "AgencyId" INTEGER NULL,
    "GroupId" INTEGER NULL,
    "Text" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    CONSTRAINT "FK_task_assignments_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_task_assignments_agency_groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "agency_groups" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_task_assignments_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "task_files" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_task_files" PRIMARY KEY AUTOINCREMENT,
    "TaskId" INTEGER NOT NULL,
    "UpdateId" INTEGER NULL,
    "AgencyId" INTEGER NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "StoredName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    CONSTRAINT "FK_task_files_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "task_updates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_task_updates" PRIMARY KEY AUTOINCREMENT,
    "TaskId" INTEGER NOT NULL,
    "AgencyId" INTEGER NULL,
    "UserName" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "IsContribution" INTEGER NOT NULL,
    "Progress" TEXT NULL,
    "CompletedOn" TEXT NULL,
    "ProductNumber" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_task_updates_plan_tasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "plan_tasks" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_deadline_changes_TaskId" ON "deadline_changes" ("TaskId");

CREATE UNIQUE INDEX "IX_digest_entries_UserId_ItemKey" ON "digest_entries" ("UserId", "ItemKey");

CREATE INDEX "IX_notifications_UserId_ReadAt" ON "notifications" ("UserId", "ReadAt");

CREATE INDEX "IX_plan_targets_PlanId" ON "plan_targets" ("PlanId");

CREATE INDEX "IX_plan_tasks_CurrentDue" ON "plan_tasks" ("CurrentDue");

CREATE INDEX "IX_plan_tasks_PlanId_SortOrder" ON "plan_tasks" ("PlanId", "SortOrder");

CREATE INDEX "IX_plans_Year_Number" ON "plans" ("Year", "Number");

CREATE INDEX "IX_task_assignments_AgencyId_Role" ON "task_assignments" ("AgencyId", "Role");

CREATE INDEX "IX_task_assignments_GroupId" ON "task_assignments" ("GroupId");

CREATE INDEX "IX_task_assignments_TaskId" ON "task_assignments" ("TaskId");

CREATE INDEX "IX_task_files_TaskId" ON "task_files" ("TaskId");

CREATE INDEX "IX_task_updates_TaskId" ON "task_updates" ("TaskId");
