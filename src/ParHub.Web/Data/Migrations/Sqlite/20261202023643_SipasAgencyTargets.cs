using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<decimal>(
                name: "TargetPercent",
                table: "survey_populations",
                type: "TEXT",
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
