-- ParHub migration 0008_par_index (sqlite). Index frameworks (versioned definitions), assessment cycles, agency
-- assessments with their criterion scores (self, appraised, explained), evidence files and appraisers' fields. Never edit an applied migration; add a new one.

CREATE TABLE "index_frameworks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_index_frameworks" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "Illustrative" INTEGER NOT NULL,
    "Definition" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "assessment_cycles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_assessment_cycles" PRIMARY KEY AUTOINCREMENT,
    "FrameworkId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "GroupCode" TEXT NOT NULL,
    "SelfAssessmentDue" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "PublicationDecision" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_assessment_cycles_index_frameworks_FrameworkId" FOREIGN KEY ("FrameworkId") REFERENCES "index_frameworks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "assessments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_assessments" PRIMARY KEY AUTOINCREMENT,
    "CycleId" INTEGER NOT NULL,
    "AgencyId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "Bonus" TEXT NOT NULL,
    "Penalty" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_assessments_agencies_AgencyId" FOREIGN KEY ("AgencyId") REFERENCES "agencies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_assessments_assessment_cycles_CycleId" FOREIGN KEY ("CycleId") REFERENCES "assessment_cycles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "assessment_scores" (
    "AssessmentId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Input" TEXT NULL,
    "SelfPoints" TEXT NULL,
    "AppraisedPoints" TEXT NULL,
    "AppraisalReason" TEXT NULL,
    "AppraisedBy" TEXT NULL,
    "Explanation" TEXT NULL,
    "NoEvidenceNote" TEXT NULL,
    "Exempt" INTEGER NOT NULL,
    CONSTRAINT "PK_assessment_scores" PRIMARY KEY ("AssessmentId", "Code"),
    CONSTRAINT "FK_assessment_scores_assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "evidence_files" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_evidence_files" PRIMARY KEY AUTOINCREMENT,
    "AssessmentId" INTEGER NOT NULL,
    "Codes" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "StoredName" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    CONSTRAINT "FK_evidence_files_assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "appraiser_assignments" (
    "CycleId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "FieldCode" TEXT NOT NULL,
    CONSTRAINT "PK_appraiser_assignments" PRIMARY KEY ("CycleId", "UserId", "FieldCode"),
    CONSTRAINT "FK_appraiser_assignments_assessment_cycles_CycleId" FOREIGN KEY ("CycleId") REFERENCES "assessment_cycles" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_index_frameworks_Code_Year" ON "index_frameworks" ("Code", "Year");

CREATE INDEX "IX_assessment_cycles_FrameworkId" ON "assessment_cycles" ("FrameworkId");

CREATE INDEX "IX_assessment_cycles_Year_GroupCode" ON "assessment_cycles" ("Year", "GroupCode");

CREATE INDEX "IX_assessments_AgencyId" ON "assessments" ("AgencyId");

CREATE UNIQUE INDEX "IX_assessments_CycleId_AgencyId" ON "assessments" ("CycleId", "AgencyId");

CREATE INDEX "IX_evidence_files_AssessmentId" ON "evidence_files" ("AssessmentId");
