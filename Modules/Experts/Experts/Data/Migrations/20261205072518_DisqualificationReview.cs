using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Experts.Data.Migrations
{
    /// <inheritdoc />
    public partial class DisqualificationReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AnswerSource",
                table: "DispatchAssignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AnswerTakenBy",
                table: "DispatchAssignments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DisqualificationReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpertId = table.Column<int>(type: "INTEGER", nullable: false),
                    Cause = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReferenceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisqualificationReviews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisqualificationReviews_Open",
                table: "DisqualificationReviews",
                columns: new[] { "ExpertId", "Cause" },
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_DisqualificationReviews_Status_CreatedAtUtc",
                table: "DisqualificationReviews",
                columns: new[] { "Status", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisqualificationReviews");

            migrationBuilder.DropColumn(
                name: "AnswerSource",
                table: "DispatchAssignments");

            migrationBuilder.DropColumn(
                name: "AnswerTakenBy",
                table: "DispatchAssignments");
        }
    }
}
