using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Teams.Data.Migrations
{
    /// <inheritdoc />
    public partial class Duty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OnBehalf",
                table: "SupportRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DutyLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    VillageName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyShifts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyShifts", x => x.Id);
                    table.CheckConstraint("CK_DutyShifts_Slot", "Slot >= 0 AND Slot <= 2");
                });

            migrationBuilder.CreateTable(
                name: "DutySwaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    ShiftId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OtherShiftId = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OtherName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OtherUserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AskedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutySwaps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyPlanDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyPlanDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyPlanDays_DutyPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "DutyPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DutyLog_TownshipId_Date_Id",
                table: "DutyLog",
                columns: new[] { "TownshipId", "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyPlanDays_PlanId_Date",
                table: "DutyPlanDays",
                columns: new[] { "PlanId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyPlans_TownshipId_WeekStart",
                table: "DutyPlans",
                columns: new[] { "TownshipId", "WeekStart" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyPlans_VillageId_WeekStart",
                table: "DutyPlans",
                columns: new[] { "VillageId", "WeekStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutyShifts_Date_UserName",
                table: "DutyShifts",
                columns: new[] { "Date", "UserName" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyShifts_TownshipId_Date_Slot",
                table: "DutyShifts",
                columns: new[] { "TownshipId", "Date", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DutySwaps_TownshipId_Status",
                table: "DutySwaps",
                columns: new[] { "TownshipId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DutySwaps_UserName",
                table: "DutySwaps",
                column: "UserName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DutyLog");

            migrationBuilder.DropTable(
                name: "DutyPlanDays");

            migrationBuilder.DropTable(
                name: "DutyShifts");

            migrationBuilder.DropTable(
                name: "DutySwaps");

            migrationBuilder.DropTable(
                name: "DutyPlans");

            migrationBuilder.DropColumn(
                name: "OnBehalf",
                table: "SupportRequests");
        }
    }
}
