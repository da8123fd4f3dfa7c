using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegistryPlanTask : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanId",
                table: "registry_entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TaskId",
                table: "registry_entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_registry_entries_PlanId",
                table: "registry_entries",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_registry_entries_TaskId",
                table: "registry_entries",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_registry_entries_PlanId",
                table: "registry_entries");

            migrationBuilder.DropIndex(
                name: "IX_registry_entries_TaskId",
                table: "registry_entries");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "registry_entries");

            migrationBuilder.DropColumn(
                name: "TaskId",
                table: "registry_entries");
        }
    }
}
