using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Training.Data.Migrations
{
    /// <inheritdoc />
    public partial class DrillPlansFeedStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanId",
                table: "Drills",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Stamp = table.Column<int>(type: "INTEGER", nullable: false),
                    ResetAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedStamps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KnownPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Filed = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnownPlans", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedStamps_UserName",
                table: "FeedStamps",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnownPlans_PlanId",
                table: "KnownPlans",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnownPlans_TownshipId",
                table: "KnownPlans",
                column: "TownshipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedStamps");

            migrationBuilder.DropTable(
                name: "KnownPlans");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "Drills");
        }
    }
}
