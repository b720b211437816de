using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Plans.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Author",
                table: "PlanVersions",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "MajorRevision",
                table: "PlanVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDrillOn",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastEvaluatedOn",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlanEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanEvaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Conclusion = table.Column<int>(type: "INTEGER", nullable: false),
                    ConvenedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConvenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcludedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewExperts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExpertId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewExperts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevisionTriggers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisionTriggers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanReviewers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Verdict = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanReviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanReviewers_PlanReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "PlanReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanEvaluations_PlanId",
                table: "PlanEvaluations",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanReviewers_ReviewId",
                table: "PlanReviewers",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanReviews_VersionId",
                table: "PlanReviews",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewExperts_ExpertId",
                table: "ReviewExperts",
                column: "ExpertId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevisionTriggers_PlanId_ClosedAtUtc",
                table: "RevisionTriggers",
                columns: new[] { "PlanId", "ClosedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RevisionTriggers_SourceKey",
                table: "RevisionTriggers",
                column: "SourceKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanEvaluations");

            migrationBuilder.DropTable(
                name: "PlanReviewers");

            migrationBuilder.DropTable(
                name: "ReviewExperts");

            migrationBuilder.DropTable(
                name: "RevisionTriggers");

            migrationBuilder.DropTable(
                name: "PlanReviews");

            migrationBuilder.DropColumn(
                name: "Author",
                table: "PlanVersions");

            migrationBuilder.DropColumn(
                name: "MajorRevision",
                table: "PlanVersions");

            migrationBuilder.DropColumn(
                name: "LastDrillOn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "LastEvaluatedOn",
                table: "Plans");
        }
    }
}
