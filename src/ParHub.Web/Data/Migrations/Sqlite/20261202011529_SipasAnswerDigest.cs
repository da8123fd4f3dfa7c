using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SipasAnswerDigest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Digest",
                table: "survey_responses",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
            // The responses stored before: their digest from their answers (SurveyAnswerDigest).
            migrationBuilder.Sql("UPDATE survey_responses SET \"Digest\" = COALESCE((SELECT group_concat(a.\"ItemCode\" || '=' || a.\"Value\", ';') "
                + "FROM survey_answers a WHERE a.\"ResponseId\" = survey_responses.\"Id\" AND a.\"Value\" IS NOT NULL), '');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Digest",
                table: "survey_responses");
        }
    }
}
