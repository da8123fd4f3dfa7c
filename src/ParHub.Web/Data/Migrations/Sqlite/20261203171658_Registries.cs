using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Year",
                table: "report_regimes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "registry_entries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Values = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FileLength = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_registry_entries_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_registry_entries_agencies_SubjectAgencyId",
                        column: x => x.SubjectAgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_findings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_findings_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_inspection_findings_registry_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "registry_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_EntryId",
                table: "inspection_findings",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_TaskId",
                table: "inspection_findings",
                column: "TaskId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_entries_AgencyId",
                table: "registry_entries",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_registry_entries_Kind_Year_AgencyId",
                table: "registry_entries",
                columns: new[] { "Kind", "Year", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_entries_PlanId",
                table: "registry_entries",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_registry_entries_SubjectAgencyId_Kind",
                table: "registry_entries",
                columns: new[] { "SubjectAgencyId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_registry_entries_TaskId",
                table: "registry_entries",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspection_findings");

            migrationBuilder.DropTable(
                name: "registry_entries");

            migrationBuilder.DropColumn(
                name: "Year",
                table: "report_regimes");
        }
    }
}
