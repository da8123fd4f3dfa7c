using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportMerge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Imported",
                table: "plans",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Imported",
                table: "plan_tasks",
                type: "TEXT",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Occurrence",
                table: "plan_tasks",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Requirement",
                table: "plan_tasks",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Imported",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "Imported",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "Occurrence",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "Requirement",
                table: "plan_tasks");
        }
    }
}
