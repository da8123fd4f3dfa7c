using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParHub.Web.Data.Migrations.Postgres
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
                type: "text",
                nullable: false,
                defaultValue: "");
            // The responses stored before: their digest from their answers (SurveyAnswerDigest).
            migrationBuilder.Sql("UPDATE survey_responses r SET \"Digest\" = d.digest FROM (SELECT \"ResponseId\", "
                + "string_agg(\"ItemCode\" || '=' || \"Value\", ';') AS digest FROM survey_answers WHERE \"Value\" IS NOT NULL "
                + "GROUP BY \"ResponseId\") d WHERE d.\"ResponseId\" = r.\"Id\";");
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
