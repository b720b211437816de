using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emergency.Readiness.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseFacts",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClockMisses = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFacts", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "DrillFacts",
                columns: table => new
                {
                    DrillId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillFacts", x => new { x.DrillId, x.TownshipId });
                });

            migrationBuilder.CreateTable(
                name: "DutyFacts",
                columns: table => new
                {
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    LatestWeek = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyFacts", x => x.VillageId);
                });

            migrationBuilder.CreateTable(
                name: "ExpertFacts",
                columns: table => new
                {
                    ExpertId = table.Column<int>(type: "INTEGER", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertFacts", x => x.ExpertId);
                });

            migrationBuilder.CreateTable(
                name: "HazardFacts",
                columns: table => new
                {
                    HazardId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Overdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardFacts", x => x.HazardId);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "MonthlySnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Met = table.Column<int>(type: "INTEGER", nullable: false),
                    WithData = table.Column<int>(type: "INTEGER", nullable: false),
                    TenMet = table.Column<int>(type: "INTEGER", nullable: false),
                    TenWithData = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlySnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrgDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    County = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DispatchedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ParkedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanFacts",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiledVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EvaluationLapsedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DrillDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastDrillOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanFacts", x => x.PlanId);
                });

            migrationBuilder.CreateTable(
                name: "ReceivedEvents",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivedEvents", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "SentReminders",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentReminders", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "StockFacts",
                columns: table => new
                {
                    StockId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Below = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockFacts", x => x.StockId);
                });

            migrationBuilder.CreateTable(
                name: "TeamFacts",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Active = table.Column<int>(type: "INTEGER", nullable: false),
                    Trained = table.Column<int>(type: "INTEGER", nullable: false),
                    Minimum = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetsMinimum = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamFacts", x => x.TeamId);
                });

            migrationBuilder.CreateTable(
                name: "TownshipOffices",
                columns: table => new
                {
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaderInCharge = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FirstResponsible = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Facilities = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CommandLead = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MemberUnits = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Director = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PendingDirector = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PendingBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PendingAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TownshipOffices", x => x.TownshipId);
                });

            migrationBuilder.CreateTable(
                name: "TrainingFacts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitKind = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<double>(type: "REAL", nullable: false),
                    Delivered = table.Column<double>(type: "REAL", nullable: false),
                    OwedAtCheck = table.Column<double>(type: "REAL", nullable: true),
                    PeoplePassed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingFacts", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "UnitScores",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitKind = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    Met = table.Column<int>(type: "INTEGER", nullable: false),
                    WithData = table.Column<int>(type: "INTEGER", nullable: false),
                    TenMet = table.Column<int>(type: "INTEGER", nullable: false),
                    TenWithData = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenHazards = table.Column<int>(type: "INTEGER", nullable: false),
                    OverdueHazards = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenCases = table.Column<int>(type: "INTEGER", nullable: false),
                    ClockMisses = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitScores", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "VillageOrgs",
                columns: table => new
                {
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupLeader = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    GroupMembers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Station = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StationFacilities = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageOrgs", x => x.VillageId);
                });

            migrationBuilder.CreateTable(
                name: "OfficeStaff",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeStaff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficeStaff_TownshipOffices_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "TownshipOffices",
                        principalColumn: "TownshipId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFacts_TownshipId",
                table: "CaseFacts",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillFacts_TownshipId",
                table: "DrillFacts",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_HazardFacts_TownshipId",
                table: "HazardFacts",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ProcessedAtUtc",
                table: "InboxMessages",
                column: "ProcessedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlySnapshots_Month",
                table: "MonthlySnapshots",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlySnapshots_TownshipId_Month",
                table: "MonthlySnapshots",
                columns: new[] { "TownshipId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficeStaff_TownshipId",
                table: "OfficeStaff",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_OrgDocuments_Level_UnitId_Kind",
                table: "OrgDocuments",
                columns: new[] { "Level", "UnitId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_OrgDocuments_TownshipId",
                table: "OrgDocuments",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DispatchedAtUtc_ParkedAtUtc_NextAttemptAtUtc",
                table: "OutboxMessages",
                columns: new[] { "DispatchedAtUtc", "ParkedAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanFacts_TownshipId",
                table: "PlanFacts",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedEvents_EventId",
                table: "ReceivedEvents",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockFacts_TownshipId",
                table: "StockFacts",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamFacts_TownshipId",
                table: "TeamFacts",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitScores_UnitKind_TownshipId",
                table: "UnitScores",
                columns: new[] { "UnitKind", "TownshipId" });

            migrationBuilder.CreateIndex(
                name: "IX_VillageOrgs_TownshipId",
                table: "VillageOrgs",
                column: "TownshipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseFacts");

            migrationBuilder.DropTable(
                name: "DrillFacts");

            migrationBuilder.DropTable(
                name: "DutyFacts");

            migrationBuilder.DropTable(
                name: "ExpertFacts");

            migrationBuilder.DropTable(
                name: "HazardFacts");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "MonthlySnapshots");

            migrationBuilder.DropTable(
                name: "OfficeStaff");

            migrationBuilder.DropTable(
                name: "OrgDocuments");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PlanFacts");

            migrationBuilder.DropTable(
                name: "ReceivedEvents");

            migrationBuilder.DropTable(
                name: "SentReminders");

            migrationBuilder.DropTable(
                name: "StockFacts");

            migrationBuilder.DropTable(
                name: "TeamFacts");

            migrationBuilder.DropTable(
                name: "TrainingFacts");

            migrationBuilder.DropTable(
                name: "UnitScores");

            migrationBuilder.DropTable(
                name: "VillageOrgs");

            migrationBuilder.DropTable(
                name: "TownshipOffices");
        }
    }
}
