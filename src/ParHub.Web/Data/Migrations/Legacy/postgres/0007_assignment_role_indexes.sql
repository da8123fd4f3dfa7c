-- ParHub migration 0007_assignment_role_indexes. The lead agency's (or group's) tasks found from the index alone:
-- a group is named on tens of thousands of cooperating rows, so the role belongs in the key.
-- Never edit an applied migration; add a new one.

DROP INDEX "IX_task_assignments_GroupId";

DROP INDEX "IX_task_assignments_AgencyId_Role";

CREATE INDEX "IX_task_assignments_AgencyId_Role_TaskId" ON task_assignments ("AgencyId", "Role", "TaskId");

CREATE INDEX "IX_task_assignments_GroupId_Role_TaskId" ON task_assignments ("GroupId", "Role", "TaskId");
