using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Enforcement.Data.Migrations
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReferredByTownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InspectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    PartyKind = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Simple = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DiscoveredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FilingDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FilingNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeadOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    LeadOfficerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ProposedFine = table.Column<long>(type: "INTEGER", nullable: false),
                    Warning = table.Column<bool>(type: "INTEGER", nullable: false),
                    HearingRight = table.Column<bool>(type: "INTEGER", nullable: false),
                    Major = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StatementDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticeNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HearingNoticeNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecisionDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Fine = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PublishDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ServiceNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PaymentDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LateFee = table.Column<long>(type: "INTEGER", nullable: false),
                    SuspectedCrime = table.Column<bool>(type: "INTEGER", nullable: false),
                    CrimeMarkedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TransferApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TransferredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TransferNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TransferReceipt = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosingNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MissedClock = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseSteps_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseStepId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFiles_CaseSteps_CaseStepId",
                        column: x => x.CaseStepId,
                        principalTable: "CaseSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_CaseStepId",
                table: "CaseFiles",
                column: "CaseStepId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PublishedOn",
                table: "Cases",
                column: "PublishedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State",
                table: "Cases",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_TownshipId",
                table: "Cases",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseSteps_CaseId_MissedClock",
                table: "CaseSteps",
                columns: new[] { "CaseId", "MissedClock" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseFiles");

            migrationBuilder.DropTable(
                name: "CaseSteps");

            migrationBuilder.DropTable(
                name: "Cases");
        }
    }
}
