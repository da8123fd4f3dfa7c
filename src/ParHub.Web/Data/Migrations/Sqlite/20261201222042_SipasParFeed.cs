using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SipasParFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ParMap",
                table: "survey_programmes",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TargetPercent",
                table: "survey_programmes",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: false,
                defaultValue: 95m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ParMap",
                table: "survey_programmes");

            migrationBuilder.DropColumn(
                name: "TargetPercent",
                table: "survey_programmes");
        }
    }
}
