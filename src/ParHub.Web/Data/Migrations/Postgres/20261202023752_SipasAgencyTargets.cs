using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SipasAgencyTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "Population",
                table: "survey_populations",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<decimal>(
                name: "TargetPercent",
                table: "survey_populations",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TargetPercent",
                table: "survey_populations");

            migrationBuilder.AlterColumn<int>(
                name: "Population",
                table: "survey_populations",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
