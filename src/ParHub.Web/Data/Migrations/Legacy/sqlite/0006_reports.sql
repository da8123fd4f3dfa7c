-- ParHub migration 0006_reports (sqlite). Report forms (versioned), regime settings, agency reports with their
-- values and revisions. Never edit an applied migration; add a new one.

CREATE TABLE "report_forms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_forms" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Definition" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "report_regimes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_regimes" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "FromText" TEXT NOT NULL,
    "ToText" TEXT NOT NULL,
    "ReporterGroups" TEXT NOT NULL,
    "FormKey" TEXT NOT NULL,
    "Rules" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL
);

CREATE TABLE "reports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_reports" PRIMARY KEY AUTOINCREMENT,
    "RegimeKey" TEXT NOT NULL,
    "PeriodCode" TEXT NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "FormId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "DueOn" TEXT NULL,
    "FirstSubmittedAt" TEXT NULL,
    "FirstSubmittedOn" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "AcceptedAt" TEXT NULL,
    "ReviewComment" TEXT NULL,
    "SignedFileName" TEXT NULL,
    "SignedStoredName" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_reports_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_reports_report_forms_FormId" FOREIGN KEY ("FormId") REFERENCES "report_forms" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "report_values" (
    "ReportId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Value" TEXT NULL,
    "Denominator" TEXT NULL,
    "Text" TEXT NULL,
    "Source" TEXT NOT NULL,
    "Reason" TEXT NULL,
    CONSTRAINT "PK_report_values" PRIMARY KEY ("ReportId", "Code"),
    CONSTRAINT "FK_report_values_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "reports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "report_revisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_revisions" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "No" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "Comment" TEXT NULL,
    "Snapshot" TEXT NOT NULL,
    CONSTRAINT "FK_report_revisions_reports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "reports" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_report_forms_Key_Version" ON "report_forms" ("Key", "Version");

CREATE UNIQUE INDEX "IX_report_regimes_Key" ON "report_regimes" ("Key");

CREATE INDEX "IX_reports_AgencyId" ON "reports" ("AgencyId");

CREATE INDEX "IX_reports_FormId" ON "reports" ("FormId");

CREATE UNIQUE INDEX "IX_reports_RegimeKey_PeriodCode_AgencyId" ON "reports" ("RegimeKey", "PeriodCode", "AgencyId");

CREATE UNIQUE INDEX "IX_report_revisions_ReportId_No" ON "report_revisions" ("ReportId", "No");
