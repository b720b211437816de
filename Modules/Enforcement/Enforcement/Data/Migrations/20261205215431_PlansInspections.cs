using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Enforcement.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlansInspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentCounters",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentCounters", x => new { x.Kind, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetTownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    InspectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OfficerIds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OfficerNames = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AuxiliaryNames = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ItemsChecked = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PrincipalName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SafetyManagerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OperatorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Signatures = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecheckDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecheckDueFallback = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecheckNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecheckNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecheckedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecheckMissedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PerKeyA = table.Column<int>(type: "INTEGER", nullable: false),
                    PerKeyB = table.Column<int>(type: "INTEGER", nullable: false),
                    PerKeyC = table.Column<int>(type: "INTEGER", nullable: false),
                    PerKeyD = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyTargets = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyInspections = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawInspections = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionPhotos_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPhotos_InspectionId",
                table: "InspectionPhotos",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_State_RecheckDue",
                table: "Inspections",
                columns: new[] { "State", "RecheckDue" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_TargetId",
                table: "Inspections",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_TargetTownshipId",
                table: "Inspections",
                column: "TargetTownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_TownshipId",
                table: "Inspections",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_TownshipId_Year",
                table: "Plans",
                columns: new[] { "TownshipId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentCounters");

            migrationBuilder.DropTable(
                name: "InspectionPhotos");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropTable(
                name: "Inspections");
        }
    }
}
